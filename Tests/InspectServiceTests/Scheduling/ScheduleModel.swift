import GRDB
import InspectCore
import InspectService
import InspectStore
import InspectTesting

/// One random life of a schedule: the real service over a real database file, driven step by step as administrators,
/// inspectors, configuration reloads, clock jumps, restarts and the daemon's scheduler would, with the schedule's
/// promises checked after every step (see `check()`).
///
/// Everything random comes from one seed, so a sequence is replayed from its seed alone; `log` says what each step
/// did, for the report of a failure.
struct ScheduleModel {
    /// The plan files a reload chooses from, by file name: two variants of each plan, so that a reload can add,
    /// remove and edit plans. The surprise plans' rules are loose enough that nothing the steps do (visits, follow-ups
    /// and cancellations on any day) leaves a period that can no longer be drawn: no spacing, capacity to spare, a
    /// minimum the total covers. So a period that is not drawn is a fault of the schedule, never of the plan; the
    /// planner's own rules are checked in `InspectCoreTests`.
    private static let planVariants: [String: [String]] = [
        "monthly": [
            plan("Kind=planned\nOfficeKinds=department\nOnCalendar=Mon *-*-1..7 08:00\nWindow=2 working days"),
            plan("Kind=planned\nOfficeKinds=department\nOnCalendar=Mon *-*-1..7 14:00\nWindow=2 working days"),
        ],
        "weekly": [
            plan("Kind=planned\nOffices=PNV XA-01\nOnCalendar=Wed 09:00\nHolidayPolicy=skip\nWindow=4h"),
            plan("Kind=planned\nOffices=PNV\nOnCalendar=Wed 09:00\nHolidayPolicy=skip\nWindow=4h"),
        ],
        "surprise": [
            plan(
                "Kind=surprise\nOfficeKinds=commune\nTeam=doan-1 doan-2\nTotal=6\nMinPerOffice=1\nHorizon=quarter\n"
                    + "MinSpacing=0\nTeamCapacity=8\nWindow=4h"),
            plan(
                "Kind=surprise\nOfficeKinds=commune\nTeam=doan-1 doan-2\nTotal=4\nMinSpacing=0\nTeamCapacity=8\n"
                    + "Weighting=risk\nWindow=1 working day"),
        ],
        "spot-checks": [
            plan(
                "Kind=surprise\nOfficeKinds=department\nTeam=doan-3\nPeriod=week\nTotal=1\nMinSpacing=0\n"
                    + "TeamCapacity=4\nWindow=2h"),
            plan(
                "Kind=surprise\nOfficeKinds=department\nTeam=doan-3\nPeriod=week\nTotal=2\nMinSpacing=0\n"
                    + "TeamCapacity=4\nWindow=2h"),
        ],
    ]

    private static func plan(_ body: String) -> String { "[Plan]\n" + body + "\n" }

    /// The registry: two departments and six communes, each with a few staff.
    private static let offices: [Office] =
        ["PNV", "PTP"].map { Office(code: $0, name: $0, kind: .department) }
        + (1...6).map { Office(code: "XA-0\($0)", name: "Xã \($0)", kind: .commune) }
    private static let staffPerOffice = 4

    /// The span the clock stays in: no Tết, so every period of these plans can be drawn.
    private static let earliest = try! TimeParsing.instant("2027-03-01 00:00", in: .vietnam)
    private static let latest = try! TimeParsing.instant("2027-12-20 00:00", in: .vietnam)

    private let directory = TemporaryDirectory(prefix: "inspectd-model", inMemory: true)
    private let clock: TestClock
    private var random: SplitMix64
    /// The seconds of a monotonic clock: moves with time passing, not with wall-clock jumps.
    private var monotonic: Int64 = 1_000_000
    private var service: InspectService
    /// The daemon's memory, lost at a restart.
    private var scheduler = SchedulerState()
    private var plansAppliedAt: Instant?
    /// Which variant of each plan file is configured; absent: the file is not there.
    private var variants: [String: Int]
    /// What each step did.
    private(set) var log: [String] = []
    /// How often each kind of event happened, so a run can show it reached them all.
    private(set) var tally: [String: Int] = [:]
    /// The occurrences administrators cancelled: they must never come back.
    private var cancelledByAdmin: Set<String> = []
    /// Each draw made, by plan and period: draws are never made twice, changed or lost.
    private var draws: [String: String] = [:]

    private let admin = Caller(user: "nga", role: .admin)
    private let inspector = Caller(user: "tuan", role: .inspector)

    init(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let start = Self.earliest.adding(seconds: Int64(random.next() % (120 * 86400)))
        var variants = ["monthly": 0, "surprise": 0]
        for name in ["weekly", "spot-checks"] where random.next() % 2 == 0 { variants[name] = 0 }
        self.random = random
        self.variants = variants
        clock = TestClock(start)
        service = try Self.service(path: directory.file("inspectd.db"), variants: variants, clock: clock)
        for office in Self.offices {
            _ = try service.addOffice(.init(code: office.code, name: office.name, kind: office.kind), by: admin)
            for number in 1...Self.staffPerOffice {
                _ = try service.addStaff(
                    .init(
                        badge: "\(office.code)-\(number)", name: "Cán bộ \(number)", office: office.code,
                        category: .civilServant),
                    by: admin)
            }
        }
        log.append("start at \(LocalZone.vietnam.display(start)) with \(describe(variants))")
    }

    /// The daemon starts for the first time.
    mutating func begin() throws {
        try startDaemon()
    }

    private static func service(path: String, variants: [String: Int], clock: TestClock) throws -> InspectService {
        let database = try InspectDatabase.open(path: path, mode: .readWrite)
        return InspectService(
            database: database, policy: ServicePolicy(configuration: try configuration(variants)),
            sender: OutboxSender(
                database: database, sink: RecordingEventSink(), claimant: "test:1", clock: clock.function),
            clock: clock.function)
    }

    private static func configuration(_ variants: [String: Int]) throws -> InspectConfiguration {
        try InspectConfiguration(
            main: IniDocument(text: "", path: "inspectd.conf"), holidayFiles: [],
            planFiles: try variants.sorted { $0.key < $1.key }.map { name, variant in
                try IniDocument(text: planVariants[name]![variant], path: "plans.d/\(name).conf")
            })
    }

    private func describe(_ variants: [String: Int]) -> String {
        variants.sorted { $0.key < $1.key }.map { "\($0.key)#\($0.value)" }.joined(separator: " ")
    }

    private var now: Instant { clock.now }

    /// A number in `0..<bound` from the sequence's generator.
    private mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    // MARK: - Steps

    /// Takes one random step and logs it.
    mutating func step() throws {
        switch below(13) {
        case 0: try applyPlans()
        case 1, 2: try sleep()
        case 3: try cancel()
        case 4: try openAtPlannedInstant()
        case 5: try open()
        case 6: try close()
        case 7: try reload()
        case 8: jump(forward: true)
        case 9: jump(forward: false)
        case 10: try restart()
        case 11: try wake()
        default: try cancelSecret()
        }
    }

    /// `inspectctl plan apply`.
    private mutating func applyPlans() throws {
        let report = try service.applyPlans(by: admin, using: &random)
        log.append("plan apply: \(summary(report))")
        if !report.failed.isEmpty { throw ModelFailure("plan apply failed: \(report.failed)") }
    }

    /// The daemon sleeps until the instant it armed for (or a while, if none), time passing, and wakes.
    private mutating func sleep() throws {
        let target = scheduler.armedFor ?? now.adding(seconds: 3600)
        let seconds = max(1, min(target.seconds - now.seconds, 20 * 86400))
        guard now.adding(seconds: seconds) < Self.latest else { return jump(forward: false) }
        clock.advance(seconds: seconds)
        monotonic += seconds
        log.append("sleep \(seconds) s to \(LocalZone.vietnam.display(now))")
        try wake()
    }

    /// What the daemon does when its timer fires: the scheduler's actions, until the agenda is settled.
    private mutating func wake() throws {
        var changed = true
        var actions: [String] = []
        while changed {
            changed = false
            for action in scheduler.wake(
                at: now, monotonic: monotonic, agenda: try service.agenda(plansAppliedAt: plansAppliedAt))
            {
                switch action {
                case .markDue(let id):
                    try service.markDue(id: id)
                    actions.append("due \(id)")
                    tally["marked due", default: 0] += 1
                case .markMissed(let id):
                    try service.markMissed(id: id)
                    actions.append("missed \(id)")
                    tally["marked missed", default: 0] += 1
                case .markOverdue(let id):
                    try service.markActionOverdue(id: id)
                    actions.append("overdue \(id)")
                case .applyPlans:
                    try daemonAppliesPlans()
                    actions.append("plans applied")
                    tally["plans applied as a period turns or a day begins", default: 0] += 1
                case .clockJumped(let seconds):
                    actions.append("clock jumped \(seconds) s")
                    tally["clock jump noticed", default: 0] += 1
                    continue
                case .arm, .retryJournal:
                    continue
                }
                changed = true
            }
        }
        log.append(
            "wake at \(LocalZone.vietnam.display(now)): \(actions.isEmpty ? "nothing" : actions.joined(separator: ", "))"
        )
    }

    /// As the daemon applies its plans: at start, on reload and when the scheduler says so.
    private mutating func daemonAppliesPlans() throws {
        plansAppliedAt = now
        let report = try service.applyPlans(by: Caller(user: "inspectd", role: .admin), using: &random)
        if !report.failed.isEmpty { throw ModelFailure("the daemon could not apply the plans: \(report.failed)") }
    }

    /// An administrator cancels an inspection that is not over yet, of any kind, secret ones included.
    private mutating func cancel() throws {
        try cancel(where: "i.status IN ('scheduled', 'due', 'open')")
    }

    /// An administrator cancels a surprise or follow-up inspection still waiting for its instant.
    private mutating func cancelSecret() throws {
        try cancel(where: "i.status = 'scheduled' AND i.kind IN ('surprise', 'follow-up')")
    }

    private mutating func cancel(where condition: String) throws {
        let candidates = try service.database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT i.id, i.kind, i.plan, i.due_at, o.code FROM inspection i JOIN office o ON o.id = i.office_id
                    WHERE \(condition) AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.inspection_id = i.id)
                    ORDER BY i.id
                    """)
        }
        // A kind first, then one of its inspections: surprises outnumber the rest, and every kind must be cancelled.
        let kinds = Set(candidates.map { $0["kind"] as String }).sorted()
        guard !kinds.isEmpty else { return log.append("cancel: nothing to cancel") }
        let kind = kinds[below(kinds.count)]
        let ofKind = candidates.filter { $0["kind"] == kind }
        let row = ofKind[below(ofKind.count)]
        _ = try service.cancelInspection(id: row["id"], reason: "the office is closed that day", by: admin)
        tally["cancel \(kind)", default: 0] += 1
        if kind == InspectionKind.planned.rawValue {
            cancelledByAdmin.insert(Self.occurrence(plan: row["plan"], office: row["code"], dueAt: row["due_at"]))
        }
        log.append("cancel \(kind) inspection \(row["id"] as Int64) of \(row["code"] as String)")
    }

    /// An inspector opens an inspection at the very instant a planned one falls due, before the daemon marked it
    /// due: an ad-hoc inspection beside the planned one.
    private mutating func openAtPlannedInstant() throws {
        let upcoming = try service.database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT o.code, i.due_at FROM inspection i JOIN office o ON o.id = i.office_id
                    WHERE i.kind = 'planned' AND i.status = 'scheduled' AND i.due_at > ? AND i.due_at < ?
                    ORDER BY i.due_at, o.code LIMIT 3
                    """,
                arguments: [now.seconds, Self.latest.seconds])
        }
        guard !upcoming.isEmpty else { return log.append("open at a planned instant: none coming") }
        let row = upcoming[below(upcoming.count)]
        let due = Instant(seconds: row["due_at"])
        monotonic += due.seconds - now.seconds
        clock.set(due)
        if try open(office: row["code"], note: "at the planned instant \(LocalZone.vietnam.display(due))") == .adHoc {
            tally["ad hoc at a planned instant", default: 0] += 1
        }
    }

    /// An inspector opens an inspection of some office, often one with an inspection due: the due one, or else an
    /// ad-hoc one.
    private mutating func open() throws {
        let due = try service.listInspections(.init(status: .due), as: admin).map(\.office)
        let office =
            !due.isEmpty && below(2) == 0 ? due[below(due.count)] : Self.offices[below(Self.offices.count)].code
        if let kind = try open(office: office, note: "now") {
            tally["open \(kind.rawValue)", default: 0] += 1
        }
    }

    /// Opens an inspection of `office`; returns its kind, or nil when it was refused (one is open already).
    @discardableResult
    private mutating func open(office: String, note: String) throws -> InspectionKind? {
        do {
            let inspection = try service.openInspection(office: office, by: inspector)
            log.append("open \(inspection.kind.rawValue) inspection \(inspection.id) of \(office) \(note)")
            return inspection.kind
        } catch InspectError.conflict(let reason) {
            log.append("open \(office) \(note): refused, \(reason)")
            return nil
        }
    }

    /// An inspector closes an open inspection, sometimes after a serious finding that calls for a follow-up.
    private mutating func close() throws {
        let open = try service.listInspections(.init(status: .open), as: admin)
        guard !open.isEmpty else { return log.append("close: nothing open") }
        let inspection = open[below(open.count)]
        // A finding is observed after the inspection opened: not when the clock was set back before that.
        let serious = below(2) == 0 && inspection.openedAt.map { $0 <= now } == true
        if serious {
            _ = try service.logFinding(
                .init(inspection: inspection.id, violation: "ALCOHOL", staff: "\(inspection.office)-1"), by: inspector)
        }
        clock.advance(seconds: 1800)
        monotonic += 1800
        let what = "close inspection \(inspection.id) of \(inspection.office)\(serious ? " with a finding" : "")"
        do {
            _ = try service.closeInspection(
                id: inspection.id, checked: 1 + below(Self.staffPerOffice), by: inspector, using: &random)
            log.append(what)
            tally[serious ? "close with a follow-up" : "close", default: 0] += 1
        } catch InspectError.invalidInput(let reason) {
            // The clock was set back before the inspection opened.
            log.append("\(what): refused, \(reason)")
        }
    }

    /// `systemctl reload inspectd` after a plan file was added, removed or edited.
    private mutating func reload() throws {
        let name = Self.planVariants.keys.sorted()[below(Self.planVariants.count)]
        switch (variants[name], below(3)) {
        case (nil, _):
            variants[name] = below(2)
            tally["reload adding a plan", default: 0] += 1
        case (.some, 0):
            variants[name] = nil
            tally["reload removing a plan", default: 0] += 1
        case (.some(let variant), _):
            variants[name] = 1 - variant
            tally["reload editing a plan", default: 0] += 1
        }
        service.policy = ServicePolicy(configuration: try Self.configuration(variants))
        log.append("reload with \(describe(variants))")
        try daemonAppliesPlans()
        try wake()
    }

    /// The wall clock is set forward or back; the daemon notices at its next wake-up.
    private mutating func jump(forward: Bool) {
        let seconds = Int64(3600 + below((forward ? 60 : 20) * 86400))
        let target = forward ? now.adding(seconds: seconds) : now.adding(seconds: -seconds)
        clock.set(min(max(target, Self.earliest), Self.latest))
        monotonic += 1
        tally[forward ? "clock set forward" : "clock set back", default: 0] += 1
        log.append("clock set to \(LocalZone.vietnam.display(now))")
    }

    /// The daemon stops and starts again over the same file: a new service, a scheduler that remembers nothing.
    private mutating func restart() throws {
        service = try Self.service(path: directory.file("inspectd.db"), variants: variants, clock: clock)
        scheduler = SchedulerState()
        plansAppliedAt = nil
        log.append("restart")
        tally["restart", default: 0] += 1
        try startDaemon()
    }

    /// What the daemon does at start: apply the plans, then wake.
    private mutating func startDaemon() throws {
        try daemonAppliesPlans()
        try wake()
    }

    private func summary(_ report: SchedulingReport) -> String {
        "scheduled \(report.scheduled), cancelled \(report.cancelled), drew \(report.drawn), revealed \(report.revealed)"
    }

    // MARK: - Checks

    /// The promises of the schedule, checked on the record as it stands and on a copy of it the plans are applied
    /// to: the copy, so that checking does not apply the plans at moments the sequence did not.
    /// - Throws: `ModelFailure` naming the first promise broken.
    mutating func check() throws {
        try checkDraws()
        try checkOccurrences(service, "the record")
        let copy = directory.file("copy-\(log.count).db")
        try service.database.backup(to: copy)
        let applied = try Self.service(path: copy, variants: variants, clock: clock)
        let report = try applied.applyPlans(by: admin, using: &random)
        guard report.failed.isEmpty else { throw ModelFailure("plan apply fails: \(report.failed)") }
        let again = try applied.applyPlans(by: admin, using: &random)
        guard again == SchedulingReport() else { throw ModelFailure("plan apply is not idempotent: \(summary(again))") }
        try checkOccurrences(applied, "the record after plan apply")
        try checkPeriods(applied)
    }

    /// Draws are never made twice for a period, nor changed or lost.
    private mutating func checkDraws() throws {
        let rows = try service.database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT plan, period, commitment, created_at > period_start AS late FROM surprise_draw")
        }
        var current: [String: String] = [:]
        for row in rows {
            let key = "\(row["plan"] as String) \(row["period"] as String)"
            if draws[key] == nil {
                tally[row["late"] ? "period drawn after it began" : "period drawn ahead", default: 0] += 1
            }
            guard current.updateValue(row["commitment"], forKey: key) == nil else {
                throw ModelFailure("\(key) is drawn twice")
            }
        }
        for (key, commitment) in draws where current[key] != commitment {
            throw ModelFailure("the draw of \(key) changed or vanished")
        }
        draws = current
    }

    /// Each period of each surprise plan that has begun and not ended, and the next, is drawn exactly once.
    private func checkPeriods(_ service: InspectService) throws {
        for plan in service.policy.plans.plans {
            guard let rules = plan.surpriseRules else { continue }
            let current = DrawPeriod.containing(now, unit: rules.period, zone: .vietnam)
            for period in [current, current.next(zone: .vietnam)] {
                let count = try service.database.read { db in
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM surprise_draw WHERE plan = ? AND period = ?",
                        arguments: [plan.name, period.label]) ?? 0
                }
                guard count == 1 else { throw ModelFailure("\(plan.name) \(period.label) is drawn \(count) time(s)") }
            }
        }
    }

    /// Planned occurrences are never duplicated, and one an administrator cancelled never comes back; after the
    /// plans are applied, every occurrence the plans call for is there, and no other is still scheduled.
    private func checkOccurrences(_ service: InspectService, _ what: String) throws {
        let rows = try service.database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT i.plan, o.code, i.due_at, i.status, i.stale FROM inspection i
                    JOIN office o ON o.id = i.office_id WHERE i.kind = 'planned'
                    """)
        }
        var held: [String: Int] = [:]
        var live: Set<String> = []
        var scheduled: Set<String> = []
        for row in rows {
            let key = Self.occurrence(plan: row["plan"], office: row["code"], dueAt: row["due_at"])
            let status: String = row["status"]
            if row["stale"] as Int == 0 { held[key, default: 0] += 1 }
            if status != InspectionStatus.cancelled.rawValue {
                guard live.insert(key).inserted else { throw ModelFailure("\(what): \(key) is scheduled twice") }
            }
            if status == InspectionStatus.scheduled.rawValue && Instant(seconds: row["due_at"]) >= now {
                scheduled.insert(key)
            }
        }
        if let twice = held.first(where: { $0.value > 1 }) { throw ModelFailure("\(what): \(twice.key) is held twice") }
        if let back = cancelledByAdmin.intersection(live).first {
            throw ModelFailure("\(what): \(back), cancelled by an administrator, came back")
        }
        guard what != "the record" else { return }
        let wanted = try wantedOccurrences(service.policy)
        if let missing = wanted.first(where: { held[$0] == nil }) {
            throw ModelFailure("\(what): \(missing) is not on the schedule")
        }
        if let stale = scheduled.subtracting(wanted).first {
            throw ModelFailure("\(what): \(stale) is scheduled though no plan calls for it")
        }
    }

    /// The occurrences the planned plans call for from now to the horizon: each elapse of a plan's calendar from a
    /// month back (an elapse before now may fall due after it, moved past a holiday), moved or skipped by its
    /// holiday policy, for each office it selects, when due from now on.
    private func wantedOccurrences(_ policy: ServicePolicy) throws -> Set<String> {
        let until = now.adding(seconds: Int64(policy.configuration.horizonDays) * 86400)
        var wanted: Set<String> = []
        for plan in policy.plans.plans {
            guard let rules = plan.plannedRules else { continue }
            let spec = try CalendarSpec.parse(rules.onCalendar)
            var cursor = now.adding(seconds: -31 * 86400)
            while let elapse = spec.nextElapse(after: cursor, in: policy.zone), elapse < until {
                for office in plan.selector.select(from: Self.offices) {
                    let due = try rules.holidayPolicy.dueInstant(
                        forElapse: elapse, calendar: policy.calendar, profile: office.hoursProfile)
                    if let due, due >= now {
                        wanted.insert(Self.occurrence(plan: plan.name, office: office.code, dueAt: due.seconds))
                    }
                }
                cursor = elapse
            }
        }
        return wanted
    }

    private static func occurrence(plan: String, office: String, dueAt: Int64) -> String {
        "\(plan) \(office) \(LocalZone.vietnam.display(Instant(seconds: dueAt)))"
    }
}

/// A promise of the schedule that a step broke.
struct ModelFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
