import Foundation
import InspectCore
import InspectStore

/// Reads the entries of a timeline from the record: findings with their corrections, escalations, corrective
/// actions, staff moves and inspections.
enum TimelineRows {
    /// The rows of findings' histories as entries.
    static func findings(_ rows: [FindingRecord.HistoryRow]) -> [TimelineEntry] {
        rows.map { row in
            let finding = row.finding
            let office = row.office
            let about = finding.staff.map { " about \($0)" } ?? " about the office"
            switch finding.action {
            case .record:
                var summary =
                    "\(finding.violation) (\(row.violationName)) recorded\(about) in inspection "
                    + "\(finding.inspection) of \(office)"
                if let minutes = finding.minutes { summary += ", \(minutes) min" }
                if let note = finding.note { summary += ": \(note)" }
                return TimelineEntry(
                    at: finding.actedAt, kind: .findingRecorded, summary: summary, office: office,
                    staff: finding.staff, inspection: finding.inspection, finding: finding.id)
            case .amend:
                return TimelineEntry(
                    at: finding.actedAt, kind: .findingAmended,
                    summary: "Finding \(finding.corrects ?? 0) amended by \(finding.recordedBy) as finding "
                        + "\(finding.id) (\(finding.violation)\(about)): \(finding.reason ?? "")",
                    office: office, staff: finding.staff, inspection: finding.inspection, finding: finding.id)
            case .retract:
                return TimelineEntry(
                    at: finding.actedAt, kind: .findingRetracted,
                    summary: "Finding \(finding.corrects ?? 0) retracted by \(finding.recordedBy): "
                        + (finding.reason ?? ""),
                    office: office, staff: finding.staff, inspection: finding.inspection, finding: finding.id)
            }
        }
    }

    /// The raising, and the acknowledgement if any, of each escalation.
    static func escalations(_ views: [EscalationView]) -> [TimelineEntry] {
        views.flatMap { view in
            let staff = view.subject.kind == .staff ? view.subject.code : nil
            var summary =
                "\(view.level.rawValue.capitalized) for \(view.subject): \(view.count) findings within \(view.window) "
                + "(\(view.firstDay) – \(view.lastDay)), rule \(view.rule)"
            if !view.retracted.isEmpty {
                summary += "; since retracted: " + view.retracted.map(String.init).joined(separator: ", ")
            }
            var entries = [
                TimelineEntry(
                    at: view.raisedAt, kind: .escalationRaised, summary: summary, office: view.office, staff: staff,
                    finding: view.trigger, escalation: view.id)
            ]
            if let at = view.acknowledgedAt {
                entries.append(
                    TimelineEntry(
                        at: at, kind: .escalationAcknowledged,
                        summary: "Escalation \(view.id) acknowledged by \(view.acknowledgedBy ?? "?")"
                            + (view.note.map { ": \($0)" } ?? ""),
                        office: view.office, staff: staff, escalation: view.id))
            }
            return entries
        }
    }

    /// Each step of each corrective action.
    static func actions(_ views: [ActionView]) -> [TimelineEntry] {
        views.flatMap { view in
            let action = view.action
            func entry(_ at: Instant, _ kind: TimelineKind, _ summary: String) -> TimelineEntry {
                TimelineEntry(
                    at: at, kind: kind, summary: summary, office: view.office, staff: view.staff,
                    finding: action.finding, action: action.id)
            }
            var entries = [
                entry(
                    action.requiredAt, .actionRequired,
                    "Corrective action \(action.id) required by \(action.requiredBy) for finding \(action.finding), "
                        + "due \(action.dueDate): \(action.requirement)")
            ]
            if let at = action.overdueAt {
                entries.append(
                    entry(at, .actionOverdue, "Corrective action \(action.id) overdue (due \(action.dueDate))"))
            }
            if let at = action.doneAt {
                entries.append(
                    entry(
                        at, .actionDone,
                        "Corrective action \(action.id) done, recorded by \(action.doneBy ?? "?")"
                            + (action.doneNote.map { ": \($0)" } ?? "")))
            }
            if let at = action.verifiedAt {
                entries.append(
                    entry(
                        at, .actionVerified,
                        "Corrective action \(action.id) verified by \(action.verifiedBy ?? "?")"
                            + (action.verifiedNote.map { ": \($0)" } ?? "")))
            }
            return entries
        }
    }

    /// A person's office history as entries: registered, then each move.
    static func assignments(_ history: [Assignment], staff: String) -> [TimelineEntry] {
        history.enumerated().map { index, assignment in
            if index == 0 {
                return TimelineEntry(
                    at: assignment.from, kind: .joined, summary: "\(staff) registered in \(assignment.office)",
                    office: assignment.office, staff: staff)
            }
            let from = history[index - 1].office
            return TimelineEntry(
                at: assignment.from, kind: .moved, summary: "\(staff) moved from \(from) to \(assignment.office)",
                office: assignment.office, staff: staff)
        }
    }

    /// The changes to a person's level, title and qualifications, as entries at the instant they were recorded.
    static func profile(_ changes: [ProfileChange], staff: String) -> [TimelineEntry] {
        changes.map { change in
            let what =
                if let qualification = change.qualification {
                    "\(qualification.kind.rawValue) qualification \(qualification.level)"
                        + (qualification.field.map { " (\($0))" } ?? "") + " of \(change.date) recorded"
                } else {
                    "\(change.aspect) set to \(change.value) from \(change.date)"
                }
            return TimelineEntry(
                at: change.recordedAt, kind: .profileChanged,
                summary: "\(staff) \(what) by \(change.recordedBy)" + (change.reason.map { ": \($0)" } ?? ""),
                staff: staff)
        }
    }

    /// The staff who moved into and out of `office`, as entries. Registering a person is not an event of the
    /// office's record (an import would bury it under hundreds of lines); the staff report shows it.
    static func staffMoves(_ db: StoreTransaction, office: String) throws -> [TimelineEntry] {
        try StaffAssignmentRecord.moves(db, office: office).flatMap { row -> [TimelineEntry] in
            let badge = row.badge
            var entries: [TimelineEntry] = []
            if let cameFrom = row.cameFrom {
                entries.append(
                    TimelineEntry(
                        at: row.startedAt, kind: .joined, summary: "\(badge) moved in from \(cameFrom)",
                        office: office, staff: badge))
            }
            if let ended = row.endedAt {
                let wentTo = row.wentTo
                entries.append(
                    TimelineEntry(
                        at: ended, kind: .left, summary: "\(badge) moved out to \(wentTo ?? "another office")",
                        office: office, staff: badge))
            }
            return entries
        }
    }

    /// The office's inspections that are no secret: everything but scheduled ones (a surprise or a follow-up is
    /// secret until due, and a planned one has not happened yet).
    static func inspections(_ db: StoreTransaction, office: String) throws -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        for inspection in try InspectionRecord.unscheduled(db, office: office) {
            let kind = inspection.kind.rawValue
            let name =
                "\(kind.prefix(1).uppercased() + kind.dropFirst()) inspection \(inspection.id)"
                + (inspection.follows.map { " (following inspection \($0))" } ?? "")
                + (inspection.plan.map { ", plan \($0)" } ?? "")
            func entry(_ at: Instant, _ kind: TimelineKind, _ summary: String) {
                entries.append(
                    TimelineEntry(at: at, kind: kind, summary: summary, office: office, inspection: inspection.id))
            }
            if let due = inspection.dueAt, inspection.status != .cancelled {
                entry(due, .inspectionDue, "\(name) due")
            }
            if let opened = inspection.openedAt {
                entry(
                    opened, .inspectionOpened,
                    "\(name) opened by \(inspection.openedBy ?? "?")" + (inspection.team.map { ", team \($0)" } ?? ""))
            }
            switch inspection.status {
            case .closed:
                let violations = try FindingRecord.currentCount(db, inspection: inspection.id)
                entry(
                    inspection.closedAt ?? inspection.openedAt ?? Instant(seconds: 0), .inspectionClosed,
                    "\(name) closed by \(inspection.closedBy ?? "?"): \(inspection.checked ?? 0) staff checked, "
                        + "\(violations) violation\(violations == 1 ? "" : "s")")
            case .missed:
                entry(
                    inspection.windowEnd ?? inspection.dueAt ?? Instant(seconds: 0), .inspectionMissed, "\(name) missed"
                )
            case .cancelled:
                entry(
                    inspection.closedAt ?? Instant(seconds: 0), .inspectionCancelled,
                    "\(name) cancelled: \(inspection.cancelReason ?? "")")
            case .scheduled, .due, .open:
                break
            }
        }
        return entries
    }
}
