import InspectCore
import InspectStore

extension InspectService {
    /// Requires a corrective action for a finding, to be completed by the end of `due` (local date); one action per
    /// finding. Any row of the finding's history names it.
    /// - Throws: `.permissionDenied` for a reader; `.notFound`; `.conflict` when the finding was retracted or already
    ///   has an action; `.invalidInput` for an empty requirement or a due date before today.
    public func requireAction(
        finding id: Int64, requirement: String, due: CivilDate, by caller: Caller
    ) throws
        -> ActionView
    {
        try Self.requireInspector(caller, to: "require corrective actions")
        return try perform { db, log in
            let text = requirement.trimmingSpaces
            guard !text.isEmpty else { throw InspectError.invalidInput("the requirement must not be empty") }
            let root = try FindingRecord.root(db, of: id)
            guard try FindingRecord.current(db, root: root) != nil else {
                throw InspectError.conflict("finding \(id) was retracted; it needs no corrective action")
            }
            if let existing = try CorrectiveActionRecord.find(db, finding: root) {
                throw InspectError.conflict(
                    "finding \(id) already has corrective action \(existing.id!) (\(existing.status.rawValue))")
            }
            let today = policy.zone.local(log.now).date
            guard due >= today else {
                throw InspectError.invalidInput("the due date \(due) is in the past; today is \(today)")
            }
            var record = CorrectiveActionRecord(
                findingId: root, requirement: text, dueDate: due, dueAt: policy.zone.startOfDay(due.adding(days: 1)),
                requiredBy: caller.user, requiredAt: log.now)
            try record.insert(db)
            let view = try ActionViews.one(db, id: record.id!, now: log.now)
            try log.emit(
                actionEvent(
                    .actionRequired, view,
                    message: "Corrective action \(view.action.id) required by \(caller.user) for finding \(root) "
                        + "(\(view.violation)\(view.staff.map { ", \($0)" } ?? "") in \(view.office)), due \(due): "
                        + text))
            return view
        }
    }

    /// Records that the action of finding `id` was carried out: `open → done`.
    /// - Throws: `.permissionDenied` for a reader; `.notFound` (finding or action); `.conflict` unless it is open.
    public func completeAction(finding id: Int64, note: String? = nil, by caller: Caller) throws -> ActionView {
        try Self.requireInspector(caller, to: "complete corrective actions")
        return try perform { db, log in
            var record = try action(db, finding: id)
            guard record.status == .open else {
                throw InspectError.conflict("corrective action \(record.id!) is \(record.status.rawValue), not open")
            }
            record.status = .done
            record.doneAt = log.now
            record.doneBy = caller.user
            record.doneNote = note.flatMap(Self.nonEmpty)
            try record.update(db)
            let view = try ActionViews.one(db, id: record.id!, now: log.now)
            let late = log.now >= record.dueAt ? " (late: due \(record.dueDate))" : ""
            try log.emit(
                actionEvent(
                    .actionDone, view,
                    message: "Corrective action \(record.id!) for finding \(record.findingId) done, "
                        + "recorded by \(caller.user)\(late)" + (record.doneNote.map { ": \($0)" } ?? "")))
            return view
        }
    }

    /// Records that the team checked the action of finding `id` and the shortcoming is corrected: `done → verified`.
    /// - Throws: `.permissionDenied` for a reader; `.notFound`; `.conflict` unless it is done.
    public func verifyAction(finding id: Int64, note: String? = nil, by caller: Caller) throws -> ActionView {
        try Self.requireInspector(caller, to: "verify corrective actions")
        return try perform { db, log in
            var record = try action(db, finding: id)
            guard record.status == .done else {
                throw InspectError.conflict(
                    "corrective action \(record.id!) is \(record.status.rawValue); only a done action can be verified")
            }
            record.status = .verified
            record.verifiedAt = log.now
            record.verifiedBy = caller.user
            record.verifiedNote = note.flatMap(Self.nonEmpty)
            try record.update(db)
            let view = try ActionViews.one(db, id: record.id!, now: log.now)
            try log.emit(
                actionEvent(
                    .actionVerified, view,
                    message: "Corrective action \(record.id!) for finding \(record.findingId) verified by "
                        + "\(caller.user)" + (record.verifiedNote.map { ": \($0)" } ?? "")))
            return view
        }
    }

    /// The action of finding `id` (any row of its history).
    /// - Throws: `.notFound` when the finding or its action does not exist.
    public func showAction(finding id: Int64) throws -> ActionView {
        let now = clock()
        return try query { db in try ActionViews.one(db, id: try action(db, finding: id).id!, now: now) }
    }

    /// Corrective actions matching `filter`, by due date.
    /// - Throws: `.notFound` for an unknown office or badge.
    public func listActions(_ filter: ActionFilter = ActionFilter()) throws -> [ActionView] {
        let now = clock()
        return try query { db in
            if let office = filter.office { _ = try OfficeRecord.require(db, code: office) }
            if let staff = filter.staff { _ = try StaffRecord.require(db, badge: staff) }
            return try CorrectiveActionRecord.listed(
                db, status: filter.status, dueBy: filter.overdueOnly ? now : nil, office: filter.office,
                staff: filter.staff
            ).map { ActionViews.view($0, now: now) }
        }
    }

    /// Reports an open action overdue, once: the daemon calls it when the action's due instant passes. Does nothing
    /// when it was done meanwhile, already reported, not yet due, or its finding was retracted.
    public func markActionOverdue(id: Int64) throws {
        try perform { db, log in
            var record = try CorrectiveActionRecord.require(db, id: id)
            guard record.status == .open, record.overdueAt == nil, record.dueAt <= log.now else { return }
            let view = try ActionViews.one(db, id: id, now: log.now)
            guard !view.findingRetracted else { return }
            record.overdueAt = log.now
            try record.update(db)
            try log.emit(
                actionEvent(
                    .actionOverdue, view,
                    message: "Corrective action \(id) for finding \(record.findingId) (\(view.violation) in "
                        + "\(view.office)) is overdue: due \(record.dueDate), still open: \(record.requirement)"))
        }
    }

    /// The open actions not yet reported overdue, for the scheduler.
    func pendingActions(_ db: StoreTransaction) throws -> [Agenda.ActionItem] {
        try CorrectiveActionRecord.pending(db)
    }

    private func action(_ db: StoreTransaction, finding id: Int64) throws -> CorrectiveActionRecord {
        let root = try FindingRecord.root(db, of: id)
        guard
            let record = try CorrectiveActionRecord.find(db, finding: root)
        else { throw InspectError.notFound(kind: "corrective action for finding", key: String(id)) }
        return record
    }

    private func actionEvent(_ kind: EventKind, _ view: ActionView, message: String) -> Event {
        let action = view.action
        var fields = [
            "ACTION": String(action.id), "FINDING": String(action.finding), "OFFICE": view.office,
            "VIOLATION": view.violation, "DUE": action.dueDate.description, "STATUS": action.status.rawValue,
        ]
        if let staff = view.staff { fields["STAFF"] = staff }
        let user: String? =
            switch kind {
            case .actionDone: action.doneBy
            case .actionVerified: action.verifiedBy
            case .actionOverdue: nil
            default: action.requiredBy
            }
        if let user { fields["USER"] = user }
        return Event(kind: kind, message: message, fields: fields)
    }

    static func requireInspector(_ caller: Caller, to what: String) throws {
        guard caller.role >= .inspector else {
            throw InspectError.permissionDenied(
                "only members of \(Role.inspectorGroup) or \(Role.adminGroup) may \(what)")
        }
    }
}

/// Corrective actions as people see them.
enum ActionViews {
    static func view(_ listed: CorrectiveActionRecord.Listed, now: Instant) -> ActionView {
        let action = listed.record.action
        return ActionView(
            action: action, violation: listed.violation, staff: listed.staff, office: listed.office,
            findingRetracted: listed.findingRetracted, overdue: !listed.findingRetracted && action.isOverdue(at: now))
    }

    static func one(_ db: StoreTransaction, id: Int64, now: Instant) throws -> ActionView {
        guard let listed = try CorrectiveActionRecord.listed(db, id: id) else {
            throw InspectError.notFound(kind: "corrective action", key: String(id))
        }
        return view(listed, now: now)
    }
}
