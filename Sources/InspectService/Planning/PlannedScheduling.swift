import InspectCore
import InspectStore

extension InspectService {
    /// The most occurrences one planned plan may put on the schedule in one round: an `OnCalendar=` that elapses every
    /// minute is a mistake, not a plan.
    static let occurrenceLimit = 5000
    /// How far back the calendars are read: an elapse before now whose holiday policy moved it past now (a Monday of
    /// Tết moved to the next working session, a week later) is still wanted, and must not be cancelled as stale.
    static let holidayShiftLookback: Int64 = 31 * 86400

    /// Puts the planned inspections due from now until `until` on the schedule, and cancels scheduled planned
    /// inspections that no plan calls for any more (a plan edited or removed). Idempotent: running it again adds and
    /// cancels nothing.
    ///
    /// An occurrence is on the schedule once, whatever became of it: scheduled, due, done, missed, or cancelled by
    /// someone. Only a cancellation inspectd made itself because the plan no longer called for it (a stale one) lets
    /// the occurrence be scheduled again, when the plan calls for it again. A plan whose occurrences cannot be worked
    /// out (an office whose hours profile the configuration no longer has, an `OnCalendar=` that elapses too often) is
    /// reported in `report.failed` and its inspections are left as they are; the other plans go ahead.
    public func schedulePlanned(until: Instant, by caller: Caller, into report: inout SchedulingReport) throws {
        let now = clock()
        var added = 0
        var cancelled = 0
        var failed: [String] = []
        try perform { db, log in
            let offices = try activeOffices(db)
            var wanted: [String: Set<Occurrence>] = [:]
            var unknown: Set<String> = []
            for plan in policy.plans.plans {
                guard let rules = plan.plannedRules else { continue }
                do {
                    wanted[plan.name] = try occurrences(
                        of: plan, rules: rules, offices: offices,
                        from: now.adding(seconds: -Self.holidayShiftLookback), until: until
                    ).filter { $0.dueAt >= now }
                } catch let error as InspectError {
                    failed.append("\(plan.name): \(error)")
                    unknown.insert(plan.name)
                }
            }
            // Every occurrence still to come that holds its place, whatever its state: one marked due at this very
            // second is not scheduled a second time, and one an administrator cancelled is not scheduled again.
            let existing = try InspectionRecord.plannedFrom(db, now)
            var present: [String: Set<Occurrence>] = [:]
            for row in existing {
                let plan = row.plan
                let occurrence = Occurrence(office: row.office, dueAt: row.dueAt, windowEnd: nil)
                if wanted[plan]?.contains(occurrence) == true {
                    present[plan, default: []].insert(occurrence)
                } else if row.status == .scheduled, !unknown.contains(plan) {
                    try cancelStale(db, id: row.id, plan: plan, log: &log)
                    cancelled += 1
                }
            }
            for (plan, occurrences) in wanted.sorted(by: { $0.key < $1.key }) {
                for occurrence in occurrences.sorted() where present[plan]?.contains(occurrence) != true {
                    try insertPlanned(db, plan: plan, occurrence: occurrence, by: caller, log: &log)
                    added += 1
                }
            }
        }
        report.scheduled += added
        report.cancelled += cancelled
        report.failed += failed
    }

    /// One planned visit: an office and when it falls due. Equal regardless of its window, which follows from them.
    struct Occurrence: Hashable, Comparable {
        var office: String
        var dueAt: Instant
        var windowEnd: Instant?

        static func == (lhs: Occurrence, rhs: Occurrence) -> Bool {
            lhs.office == rhs.office && lhs.dueAt == rhs.dueAt
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(office)
            hasher.combine(dueAt)
        }

        static func < (lhs: Occurrence, rhs: Occurrence) -> Bool { (lhs.dueAt, lhs.office) < (rhs.dueAt, rhs.office) }
    }

    /// The visits `plan` calls for in `[from, until)`: each elapse of its calendar, moved to a working session or
    /// skipped per its holiday policy, for each office it selects.
    func occurrences(
        of plan: Plan, rules: PlannedRules, offices: [Office], from: Instant, until: Instant
    ) throws -> Set<Occurrence> {
        let spec = try CalendarSpec.parse(rules.onCalendar)
        let calendar = policy.calendar
        let selected = plan.selector.select(from: offices)
        var result: Set<Occurrence> = []
        var cursor = from
        while let elapse = spec.nextElapse(after: cursor, in: calendar.zone), elapse < until {
            for office in selected {
                guard
                    let due = try rules.holidayPolicy.dueInstant(
                        forElapse: elapse, calendar: calendar, profile: office.hoursProfile)
                else { continue }
                let end = try plan.window.end(after: due, calendar: calendar, profile: office.hoursProfile)
                result.insert(Occurrence(office: office.code, dueAt: due, windowEnd: end))
            }
            guard result.count <= Self.occurrenceLimit else {
                throw InspectError.conflict(
                    "plan '\(plan.name)' would put more than \(Self.occurrenceLimit) inspections on the schedule "
                        + "before \(calendar.zone.display(until)); check its OnCalendar=\(rules.onCalendar)")
            }
            cursor = elapse
        }
        return result
    }

    private func insertPlanned(
        _ db: StoreTransaction, plan: String, occurrence: Occurrence, by caller: Caller, log: inout EventLog
    ) throws {
        let office = try OfficeRecord.require(db, code: occurrence.office)
        let team = try policy.plans.plan(named: plan).teams.first
        var record = InspectionRecord(
            officeId: office.id!, kind: .planned, status: .scheduled, plan: plan, dueAt: occurrence.dueAt,
            windowEnd: occurrence.windowEnd, team: team, createdAt: log.now, createdBy: caller.user)
        try record.insert(db)
        let inspection = try InspectionRecord.value(db, id: record.id!)
        var fields = inspectionFields(inspection, user: caller.user)
        fields["DUE"] = policy.zone.iso8601(occurrence.dueAt)
        try log.emit(
            Event(
                kind: .inspectionScheduled,
                message:
                    "Planned inspection \(inspection.id) of \(occurrence.office) (plan \(plan)) due "
                    + policy.zone.display(occurrence.dueAt),
                fields: fields))
    }

    private func cancelStale(_ db: StoreTransaction, id: Int64, plan: String, log: inout EventLog) throws {
        var record = try InspectionRecord.require(db, id: id)
        let reason =
            (try? policy.plans.plan(named: plan)) == nil
            ? "plan \(plan) was removed" : "plan \(plan) no longer calls for it"
        record.cancelReason = reason
        record.closedAt = log.now
        record.closedBy = "inspectd"
        record.stale = true
        try record.update(db, status: .cancelled)
        let inspection = try InspectionRecord.value(db, id: id)
        var fields = inspectionFields(inspection, user: "inspectd")
        fields["REASON"] = reason
        try log.emit(
            Event(
                kind: .inspectionCancelled, message: "Inspection \(id) of \(inspection.office) cancelled: \(reason)",
                fields: fields))
    }

    /// The active offices, for plan selectors.
    func activeOffices(_ db: StoreTransaction) throws -> [Office] {
        try OfficeRecord.values(db)
    }
}
