import InspectCore
import InspectStore

extension InspectService {
    /// What the scheduler must know now: due inspections, scheduled ones whose instant has come, the next scheduled
    /// ones (the scheduler arms its timer for the earliest instant to come, so the later ones change nothing), open
    /// corrective actions not yet reported overdue, and when plans are next applied. A wake-up thus reads a handful
    /// of rows, not the whole schedule.
    /// - Parameter plansAppliedAt: When the plans were last applied. The next planning instant follows it, not now:
    ///   counted from now, it would move on at every wake-up and never come.
    public func agenda(plansAppliedAt: Instant? = nil) throws -> Agenda {
        let now = clock()
        let (items, actions) = try query { db in
            (try InspectionRecord.agendaItems(db, at: now), try pendingActions(db))
        }
        return Agenda(
            items: items,
            nextPlanning: PlanningTimes.next(after: plansAppliedAt ?? now, plans: policy.plans, zone: policy.zone),
            actions: actions)
    }

    /// Marks a scheduled inspection due and reports it; a surprise's office and time reach the journal only now.
    /// Does nothing if it is no longer scheduled (opened or cancelled meanwhile by someone else).
    public func markDue(id: Int64) throws {
        try perform { db, log in
            var record = try InspectionRecord.require(db, id: id)
            guard record.status == .scheduled else { return }
            try record.update(db, status: .due)
            let id = record.id!
            let inspection = try InspectionRecord.value(db, id: id)
            var fields = inspectionFields(inspection, user: "inspectd")
            if let due = inspection.dueAt { fields["DUE"] = policy.zone.iso8601(due) }
            if let end = inspection.windowEnd { fields["WINDOW_END"] = policy.zone.iso8601(end) }
            if let follows = inspection.follows { fields["FOLLOWS"] = String(follows) }
            let window = inspection.windowEnd.map { ", to be opened by \(policy.zone.display($0))" } ?? ""
            let kind =
                switch inspection.kind {
                case .surprise: "Surprise inspection"
                case .followUp: "Follow-up inspection"
                case .planned, .adHoc: "Planned inspection"
                }
            let follows = inspection.follows.map { " (following inspection \($0))" } ?? ""
            try log.emit(
                Event(
                    kind: .inspectionDue,
                    message:
                        "\(kind) \(id) of \(inspection.office)\(follows) is due"
                        + "\(inspection.team.map { " for team \($0)" } ?? "")\(window)",
                    fields: fields))
            try revealFollowUp(db, inspection: id, log: &log)
        }
    }

    /// Marks a scheduled or due inspection missed: its window closed and nobody opened it. Does nothing if it was
    /// opened, closed or cancelled meanwhile.
    public func markMissed(id: Int64) throws {
        try perform { db, log in
            var record = try InspectionRecord.require(db, id: id)
            guard record.status == .scheduled || record.status == .due else { return }
            try record.update(db, status: .missed)
            let id = record.id!
            try revealFollowUp(db, inspection: id, log: &log)
            let inspection = try InspectionRecord.value(db, id: id)
            var fields = inspectionFields(inspection, user: "inspectd")
            if let due = inspection.dueAt { fields["DUE"] = policy.zone.iso8601(due) }
            try log.emit(
                Event(
                    kind: .inspectionMissed,
                    message:
                        "Inspection \(id) of \(inspection.office) was missed: not opened by "
                        + (inspection.windowEnd.map(policy.zone.display) ?? "its window's end"),
                    fields: fields))
        }
    }

    /// SQLite's `data_version` on the writer connection: it changes when another process commits, so a wake-up can
    /// tell whether the CLI changed anything since the last look.
    public func dataVersion() throws -> Int {
        try database.dataVersion()
    }

    /// One line for `systemctl status` (`STATUS=`): the next planned inspection and how many are open. Surprise
    /// inspections are never mentioned before they are due: anyone may read a unit's status.
    public func statusLine() throws -> String {
        try query { db in
            let nextPlanned = try InspectionRecord.nextPlanned(db)
            let open = try InspectionRecord.count(db, status: .open)
            let due = try InspectionRecord.count(db, status: .due)
            let pending = try Outbox.pendingCount(db)
            var parts: [String] = []
            if let inspection = nextPlanned {
                parts.append("next planned \(inspection.office) \(inspection.dueAt.map(policy.zone.display) ?? "")")
            } else {
                parts.append("no planned inspection scheduled")
            }
            parts.append("\(due) due, \(open) open")
            if pending > 0 { parts.append("\(pending) events waiting for the journal") }
            return parts.joined(separator: "; ")
        }
    }
}
