/// What a draw in progress knows: each office's visits, each team's load per day, and the drafts so far.
///
/// Offices and teams are array indices (offices sorted by code, teams in the plan's order), so nothing depends on
/// dictionary order.
struct DrawState {
    let planner: SurprisePlanner
    private var rules: SurpriseRules { planner.inputs.rules }
    /// Per office: the day numbers of its visits, history and drafts.
    private var visitDays: [[Int]]
    /// Per office: visits within the period.
    private var periodCount: [Int]
    /// Per office: visits within the horizon.
    private var horizonCount: [Int]
    /// Per team, per day of the period: inspections booked.
    private var teamLoad: [[Int]]
    /// Per day of the period: how many teams have capacity left.
    private var freeTeams: [Int]
    private(set) var drafts: [SurpriseDraft] = []

    init(planner: SurprisePlanner) {
        self.planner = planner
        let inputs = planner.inputs
        let officeCount = inputs.offices.count
        let dayCount = inputs.period.days.count
        visitDays = Array(repeating: [], count: officeCount)
        periodCount = Array(repeating: 0, count: officeCount)
        horizonCount = Array(repeating: 0, count: officeCount)
        teamLoad = Array(repeating: Array(repeating: 0, count: dayCount), count: inputs.teams.count)
        let officeIndex = Dictionary(uniqueKeysWithValues: inputs.offices.enumerated().map { ($1.code, $0) })
        let teamIndex = Dictionary(inputs.teams.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let firstDay = inputs.period.firstDay.dayNumber
        for visit in inputs.history {
            let dayNumber = planner.zone.local(visit.at).date.dayNumber
            if let office = officeIndex[visit.office] {
                visitDays[office].append(dayNumber)
                if inputs.period.contains(visit.at) { periodCount[office] += 1 }
                if inputs.horizon.contains(visit.at) { horizonCount[office] += 1 }
            }
            if let team = visit.team.flatMap({ teamIndex[$0] }), inputs.period.contains(visit.at) {
                teamLoad[team][dayNumber - firstDay] += 1
            }
        }
        let capacity = inputs.rules.teamCapacity
        let load = teamLoad
        freeTeams = (0..<dayCount).map { day in load.count(where: { $0[day] < capacity }) }
    }

    /// The error for a plan that cannot be drawn.
    func infeasible(_ reason: String) -> InspectError {
        .conflict("surprise plan '\(planner.inputs.plan)' is infeasible for \(planner.inputs.period.label): \(reason)")
    }

    // MARK: - Feasibility

    /// Fails when the teams cannot do `Total` inspections on the days the offices work.
    func checkCapacity() throws {
        guard !planner.inputs.offices.isEmpty else { throw infeasible("the plan selects no active office") }
        let days = Set(planner.profileDays.joined().map(\.index)).sorted()
        let capacity = rules.teamCapacity
        let free = days.reduce(0) { sum, day in sum + teamLoad.reduce(0) { $0 + max(0, capacity - $1[day]) } }
        guard free < rules.total else { return }
        let booked = days.reduce(0) { sum, day in sum + teamLoad.reduce(0) { $0 + min(capacity, $1[day]) } }
        throw infeasible(
            "Total=\(rules.total) inspections, but \(teamLoad.count) team(s) with TeamCapacity=\(capacity) on"
                + " \(days.count) working day(s) can do at most \(free)"
                + (booked > 0 ? " (\(booked) already booked)" : ""))
    }

    /// Fails when MaxPerOffice, MinSpacing and the working days leave room for fewer than `Total` inspections.
    /// Counting each office's room greedily, earliest day first, gives the most that fit around its visits.
    func checkRoom() throws {
        var room = 0
        for office in planner.inputs.offices.indices where room < rules.total {
            room += self.room(office, limit: min(rules.total - room, maxLeft(office)))
        }
        guard room < rules.total else { return }
        let maximum = rules.maxPerOffice.map { "MaxPerOffice=\($0)" } ?? "no MaxPerOffice"
        throw infeasible(
            "\(maximum), MinSpacing=\(rules.minSpacingDays) day(s) and the offices' working days leave room for at"
                + " most \(room) inspection(s), fewer than Total=\(rules.total)")
    }

    /// How many more inspections `office` can get this period, up to `limit`.
    private func room(_ office: Int, limit: Int) -> Int {
        let days = planner.profileDays[planner.officeProfile[office]].filter { freeTeams[$0.index] > 0 }
        guard rules.minSpacingDays > 0 else { return days.isEmpty ? 0 : limit }
        var count = 0
        var last: Int?
        for day in days where count < limit && isSpaced(office, day.dayNumber, spacing: rules.minSpacingDays) {
            if let last, day.dayNumber - last < rules.minSpacingDays { continue }
            count += 1
            last = day.dayNumber
        }
        return count
    }

    /// How many more inspections MaxPerOffice allows `office` this period.
    func maxLeft(_ office: Int) -> Int {
        rules.maxPerOffice.map { max(0, $0 - periodCount[office]) } ?? rules.total
    }

    /// Whether MaxPerOffice lets `office` get another inspection this period.
    func mayTakeMore(_ office: Int) -> Bool { maxLeft(office) > 0 }

    // MARK: - Horizon minimum

    /// What the horizon minimum asks of this period, by office index (see `SurprisePlanner`, rule 2).
    struct HorizonQuota {
        /// Inspections each office must get now, whatever the other periods do.
        var mustNow: [Int]
        /// Inspections each office still misses in the horizon, this period's own included.
        var deficit: [Int]
        /// The deficits later periods may hold, by office.
        var deferred: [Int]
        /// How many of the deferred ones must be drawn now after all, among the offices with a deficit: what the
        /// later periods cannot hold.
        var excess: Int

        /// How many drafts the minimum puts in this period: each office's `mustNow`, and the excess.
        var required: Int { mustNow.reduce(0, +) + excess }
    }

    /// What the horizon minimum asks of this period, before any is drawn.
    /// - Throws: when an office needs more this period than MaxPerOffice allows.
    func horizonQuota() throws -> HorizonQuota {
        let offices = planner.inputs.offices
        var quota = HorizonQuota(
            mustNow: Array(repeating: 0, count: offices.count), deficit: Array(repeating: 0, count: offices.count),
            deferred: Array(repeating: 0, count: offices.count), excess: 0)
        guard rules.minPerOffice > 0 else { return quota }
        let later = planner.inputs.periodsLeftInHorizon - 1
        for office in offices.indices {
            let deficit = max(0, rules.minPerOffice - horizonCount[office])
            let deferrable = later == 0 ? 0 : rules.maxPerOffice.map { later * $0 } ?? deficit
            quota.deficit[office] = deficit
            quota.mustNow[office] = max(0, deficit - deferrable)
            quota.deferred[office] = deficit - quota.mustNow[office]
            guard rules.maxPerOffice == nil || quota.mustNow[office] <= maxLeft(office) else {
                throw infeasible(
                    "office \(offices[office].code) still needs \(deficit) inspection(s) this \(rules.horizon)"
                        + " (MinPerOffice=\(rules.minPerOffice)), but MaxPerOffice=\(rules.maxPerOffice ?? 0) per"
                        + " \(rules.period) leaves room for only \(maxLeft(office) + deferrable)")
            }
        }
        quota.excess = max(0, quota.deferred.reduce(0, +) - later * rules.total)
        return quota
    }

    /// The offices drawn now for the horizon minimum, one entry per inspection, by office index: each office's
    /// `mustNow`, and the excess drawn by weight among the offices with a deficit.
    /// - Throws: when the excess cannot be placed, or the minimum needs more than `Total`.
    func horizonMinimum(_ quota: HorizonQuota, using rng: inout some RandomNumberGenerator) throws -> [Int] {
        let offices = planner.inputs.offices
        var forced = quota.mustNow
        var deferred = quota.deferred
        var excess = quota.excess
        while excess > 0 {
            var tree = WeightTree(
                offices.indices.map { office in
                    deferred[office] > 0 && forced[office] < maxLeft(office) ? offices[office].weight : 0
                })
            guard tree.total > 0 else {
                throw infeasible(
                    "the horizon minimum (MinPerOffice=\(rules.minPerOffice) per \(rules.horizon)) cannot be met:"
                        + " \(excess) inspection(s) more than this and the later \(rules.period)s can hold")
            }
            // Without replacement within a round, so the excess spreads over as many offices as possible.
            while excess > 0, let office = tree.draw(using: &rng) {
                forced[office] += 1
                deferred[office] -= 1
                excess -= 1
                tree.set(office, to: 0)
            }
        }
        let needed = forced.reduce(0, +)
        guard needed <= rules.total else {
            throw infeasible(
                "the horizon minimum (MinPerOffice=\(rules.minPerOffice) per \(rules.horizon)) needs \(needed)"
                    + " inspection(s) this \(rules.period), but Total=\(rules.total)")
        }
        return offices.indices.flatMap { Array(repeating: $0, count: forced[$0]) }
    }

    // MARK: - Placing

    /// The working days of `office`'s profile that respect spacing and have a team with capacity left.
    func freeDays(_ office: Int) -> [SurprisePlanner.WorkingDay] {
        freeDays(office, spacing: rules.minSpacingDays, needsCapacity: true)
    }

    /// The working days of `office`'s profile at least `spacing` days from its visits, and with a team with capacity
    /// left unless `needsCapacity` is false: `freeDays(_:)`, or what it would be under a relaxed rule.
    func freeDays(_ office: Int, spacing: Int, needsCapacity: Bool) -> [SurprisePlanner.WorkingDay] {
        planner.profileDays[planner.officeProfile[office]].filter {
            (!needsCapacity || freeTeams[$0.index] > 0) && isSpaced(office, $0.dayNumber, spacing: spacing)
        }
    }

    private func isSpaced(_ office: Int, _ dayNumber: Int, spacing: Int) -> Bool {
        spacing == 0 || visitDays[office].allSatisfy { abs($0 - dayNumber) >= spacing }
    }

    /// How many more inspections the teams can do on the day `index` of the period.
    func capacityLeft(onDay index: Int) -> Int {
        teamLoad.reduce(0) { $0 + max(0, rules.teamCapacity - $1[index]) }
    }

    /// Draws a day, an instant and a team for `office` and records the draft; false when no day is free.
    mutating func place(_ office: Int, reason: DraftReason, using rng: inout some RandomNumberGenerator) -> Bool {
        let days = freeDays(office)
        guard !days.isEmpty else { return false }
        book(office, on: days[rng.uniform(below: days.count)], reason: reason, using: &rng)
        return true
    }

    /// Draws an instant on `day` and a team with capacity left that day for `office`, and records the draft.
    /// - Precondition: a team has capacity left on `day`.
    mutating func book(
        _ office: Int, on day: SurprisePlanner.WorkingDay, reason: DraftReason,
        using rng: inout some RandomNumberGenerator
    ) {
        let instant = self.instant(on: day, using: &rng)
        let capacity = rules.teamCapacity
        let teams = teamLoad.indices.filter { teamLoad[$0][day.index] < capacity }
        let team = teams[rng.uniform(below: teams.count)]
        teamLoad[team][day.index] += 1
        if teamLoad[team][day.index] == capacity { freeTeams[day.index] -= 1 }
        visitDays[office].append(day.dayNumber)
        periodCount[office] += 1
        horizonCount[office] += 1
        let inputs = planner.inputs
        drafts.append(
            SurpriseDraft(office: inputs.offices[office].code, dueAt: instant, team: inputs.teams[team], reason: reason)
        )
    }

    /// A whole-minute instant in the day's sessions (see `SurprisePlanner` for the rule).
    private func instant(on day: SurprisePlanner.WorkingDay, using rng: inout some RandomNumberGenerator) -> Instant {
        if rules.preferSessionStart, rng.uniform(below: 4) < 3 {
            let session = day.sessions[rng.uniform(below: day.sessions.count)]
            return session.start.adding(seconds: 60 * Int64(rng.uniform(below: min(30, session.minutes))))
        }
        var minute = rng.uniform(below: day.minutes)
        for session in day.sessions {
            if minute < session.minutes { return session.start.adding(seconds: 60 * Int64(minute)) }
            minute -= session.minutes
        }
        preconditionFailure("a minute below the day's total lies in one of its sessions")
    }
}
