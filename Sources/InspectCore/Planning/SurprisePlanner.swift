/// Draws the surprise inspections of one period of a plan: pure, and deterministic for a given generator state.
///
/// Every constraint is hard; a plan that cannot meet them all throws instead of drawing fewer:
/// 1. **Total**: exactly `Total` drafts.
/// 2. **Horizon minimum**: an office that would otherwise miss `MinPerOffice` within the horizon is drawn first.
///    With `r` periods of the horizon left (this one included) and `d` inspections still missing, an office must be
///    drawn now `d − (r − 1) × MaxPerOffice` times (all `d` times in the horizon's last period); and when the
///    deficits left for later exceed what later periods can hold, `(r − 1) × Total`, the excess is drawn now among
///    the offices with a deficit, by weight. These drafts count towards the total and say `horizon-minimum`.
/// 3. **MaxPerOffice** per period, history in the period included.
/// 4. **MinSpacing**: the dates of two inspections of one office (history included) are at least that many days
///    apart.
/// 5. **TeamCapacity**: at most that many inspections per team per day, history included.
/// 6. Instants only inside the office's working sessions on working days (never on holidays), on whole minutes.
///
/// The rest of the total is drawn by weight (`weighted-draw`): an office is picked with probability proportional
/// to its weight, again and again, until the total is reached; an office at its maximum or without a free day left
/// drops out of the draw. For each draft the day is uniform among the office's working days that respect spacing
/// and have a team with capacity left; the team is uniform among those teams. The instant is uniform over the
/// day's working minutes, except with `PreferSessionStart`: then three draws in four take a session of the day
/// uniformly and a minute uniformly within its first 30 minutes, and the fourth is uniform over the day.
///
/// That greedy draw can run out of days although another choice of days would have placed every inspection (tight
/// spacing and capacity). Under `PlannerVersion.searching`, the current version, it is tried again, up to `attempts`
/// times, with the generator as it stands, so the draw is the greedy one given that it succeeds; should all fail,
/// `DrawSearch` looks through every arrangement, and a plan is refused only when none exists, naming the rules in
/// conflict. Under `greedy`, the first version, one failed draw is the end: draws made then are replayed so.
///
/// Determinism: offices are indexed by code, teams kept in the plan's order, history sorted, and every random
/// number comes from `uniform(below:)` over the generator, whose method is fixed; no dictionary order is ever
/// iterated. Cost: a weighted pick is O(log offices) and placing a draft O(working days of the period), so a year
/// of draws stays far below a second for ten thousand offices.
///
/// ```swift
/// let planner = try SurprisePlanner(inputs: inputs, calendar: calendar)
/// var generator = DrawGenerator(seed: seed)
/// let drafts = try planner.draw(using: &generator)
/// ```
public struct SurprisePlanner: Sendable {
    public let inputs: DrawInputs
    let zone: LocalZone
    /// The working days of each profile in the period, by profile index.
    let profileDays: [[WorkingDay]]
    /// The profile index of each office, by office index (offices sorted by code).
    let officeProfile: [Int]

    /// A working day of the period: its sessions from their start, in whole minutes.
    struct WorkingDay: Sendable {
        /// Days since the period's first day.
        var index: Int
        var dayNumber: Int
        var sessions: [(start: Instant, minutes: Int)]
        var minutes: Int
    }

    /// Prepares a draw of `inputs`: reads the working sessions of each profile in the period.
    /// - Throws: `InspectError.notFound` for an hours profile `calendar` does not know.
    public init(inputs: DrawInputs, calendar: WorkCalendar) throws {
        self.inputs = inputs
        zone = calendar.zone
        let profiles = Set(inputs.offices.map(\.hoursProfile)).sorted()
        let firstDay = inputs.period.firstDay.dayNumber
        profileDays = try profiles.map { profile in
            var days: [WorkingDay] = []
            for span in try calendar.workingSessions(from: inputs.notBefore, to: inputs.period.end, profile: profile) {
                let minutes = Int((span.upperBound.seconds - span.lowerBound.seconds) / 60)
                guard minutes > 0 else { continue }
                let dayNumber = calendar.zone.local(span.lowerBound).date.dayNumber
                if days.last?.dayNumber != dayNumber {
                    days.append(WorkingDay(index: dayNumber - firstDay, dayNumber: dayNumber, sessions: [], minutes: 0))
                }
                days[days.count - 1].sessions.append((span.lowerBound, minutes))
                days[days.count - 1].minutes += minutes
            }
            return days
        }
        let profileIndex = Dictionary(uniqueKeysWithValues: profiles.enumerated().map { ($1, $0) })
        officeProfile = inputs.offices.map { profileIndex[$0.hoursProfile]! }
    }

    /// How many greedy draws `PlannerVersion.searching` tries before it searches. Part of that version: never change
    /// it.
    static let attempts = 32

    /// Draws the period's inspections with the algorithm `inputs.planner` names.
    /// - Returns: exactly `Total` drafts, sorted by due instant.
    /// - Throws: `InspectError.conflict("surprise plan 'NAME' is infeasible for PERIOD: <reason>")` when the
    ///   constraints cannot all be met (under `greedy`: when its one draw could not meet them).
    public func draw(using rng: inout some RandomNumberGenerator) throws -> [SurpriseDraft] {
        let state = DrawState(planner: self)
        try state.checkCapacity()
        try state.checkRoom()
        let quota = try state.horizonQuota()
        switch inputs.planner {
        case .greedy:
            switch try greedyDraw(from: state, quota: quota, using: &rng) {
            case .drawn(let drafts): return drafts
            case .stuck(let reason): throw state.infeasible(reason)
            }
        case .searching:
            for _ in 0..<Self.attempts {
                if case .drawn(let drafts) = try greedyDraw(from: state, quota: quota, using: &rng) { return drafts }
            }
            return try searchedDraw(from: state, quota: quota, using: &rng)
        }
    }

    /// How one greedy draw ended.
    enum GreedyOutcome {
        case drawn([SurpriseDraft])
        /// It ran out of days; why, for `greedy`'s error.
        case stuck(String)
    }

    /// One greedy draw: the horizon minimum's offices first, in a shuffled order, then offices by weight, each on
    /// a day, at an instant and with a team drawn uniformly (see the type's description).
    /// - Throws: what the horizon minimum proves impossible whatever is drawn.
    func greedyDraw(
        from start: DrawState, quota: DrawState.HorizonQuota, using rng: inout some RandomNumberGenerator
    ) throws -> GreedyOutcome {
        var state = start
        var forced = try state.horizonMinimum(quota, using: &rng)
        // Shuffled, so that when days run short it is not always the same offices that get the leftovers.
        for index in forced.indices.reversed() {
            forced.swapAt(index, rng.uniform(below: index + 1))
        }
        for office in forced where !state.place(office, reason: .horizonMinimum, using: &rng) {
            return .stuck(
                "office \(inputs.offices[office].code) must be inspected this \(inputs.rules.period) for its horizon"
                    + " minimum, but none of its working days is left that respects MinSpacing="
                    + "\(inputs.rules.minSpacingDays) and TeamCapacity=\(inputs.rules.teamCapacity)")
        }
        // An office drawn without a free day drops out and the pick is repeated: the same as drawing among the
        // offices that have one, without computing their days up front.
        var tree = WeightTree(inputs.offices.indices.map { state.mayTakeMore($0) ? inputs.offices[$0].weight : 0 })
        while state.drafts.count < inputs.rules.total {
            guard let office = tree.draw(using: &rng) else {
                return .stuck(
                    "placed \(state.drafts.count) of Total=\(inputs.rules.total); no selected office has a working day"
                        + " left that respects MaxPerOffice, MinSpacing and TeamCapacity")
            }
            let placed = state.place(office, reason: .weightedDraw, using: &rng)
            if !placed || !state.mayTakeMore(office) { tree.set(office, to: 0) }
        }
        return .drawn(state.drafts.sorted())
    }

    /// Gathers the inputs and draws them in one step, for callers that need no commitment (previews, tests).
    /// - Throws: as `DrawInputs.init(plan:period:offices:history:calendar:)` and `draw(using:)`.
    public static func draw(
        plan: Plan, period: DrawPeriod, offices: [DrawOffice], calendar: WorkCalendar, history: [VisitRecord],
        using rng: inout some RandomNumberGenerator
    ) throws -> [SurpriseDraft] {
        let inputs = try DrawInputs(plan: plan, period: period, offices: offices, history: history, calendar: calendar)
        return try SurprisePlanner(inputs: inputs, calendar: calendar).draw(using: &rng)
    }
}
