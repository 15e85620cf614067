import InspectCore
import InspectStore

extension InspectService {
    /// Escalations matching `filter`, newest first.
    /// - Throws: `.notFound` for an unknown badge or office.
    public func listEscalations(_ filter: EscalationFilter = EscalationFilter()) throws -> [EscalationView] {
        try query { db in
            if let staff = filter.staff { _ = try StaffRecord.require(db, badge: staff) }
            if let office = filter.office { _ = try OfficeRecord.require(db, code: office) }
            return try EscalationRecord.listed(
                db, openOnly: filter.openOnly, staff: filter.staff, office: filter.office, order: .newestFirst
            ).map(EscalationViews.view)
        }
    }

    /// One escalation.
    /// - Throws: `.notFound`.
    public func showEscalation(id: Int64) throws -> EscalationView {
        try query { db in try EscalationViews.one(db, id: id) }
    }

    /// Acknowledges an escalation: the responsible manager has seen it and decided on the measure (recorded in the
    /// note). Who and when are kept; an escalation is acknowledged once.
    /// - Throws: `.permissionDenied` unless the caller is an admin; `.notFound`; `.conflict` when it was already
    ///   acknowledged.
    public func acknowledgeEscalation(id: Int64, note: String? = nil, by caller: Caller) throws -> EscalationView {
        guard caller.role == .admin else {
            throw InspectError.permissionDenied("only members of \(Role.adminGroup) may acknowledge escalations")
        }
        return try perform { db, log in
            var record = try EscalationRecord.require(db, id: id)
            if let by = record.acknowledgedBy, let at = record.acknowledgedAt {
                throw InspectError.conflict(
                    "escalation \(id) was already acknowledged by \(by) at \(policy.zone.display(at))")
            }
            record.acknowledgedAt = log.now
            record.acknowledgedBy = caller.user
            record.note = note.flatMap(Self.nonEmpty)
            try record.update(db)
            let subject = record.subjectValue
            var fields = [
                "ESCALATION": String(id), "RULE": record.rule, "LEVEL": record.level.rawValue,
                "SUBJECT": subject.code, "SUBJECT_KIND": subject.kind.rawValue, "USER": caller.user,
            ]
            fields[subject.kind == .staff ? "STAFF" : "OFFICE"] = subject.code
            if let note = record.note { fields["NOTE"] = note }
            try log.emit(
                Event(
                    kind: .escalationAcknowledged,
                    message:
                        "Escalation \(id) (\(record.level.rawValue) for \(subject)) acknowledged by \(caller.user)"
                        + (record.note.map { ": \($0)" } ?? ""),
                    fields: fields))
            return try EscalationViews.one(db, id: id)
        }
    }

    /// Evaluates the rules again over the findings observed since `since` (all findings when nil), as if each were
    /// being written now, and raises what is missing: after a change of rules, or to check that nothing was lost.
    /// Findings already counted are never counted again, so a second run raises nothing.
    /// - Throws: `.permissionDenied` unless the caller is an admin.
    public func evaluateEscalations(since: Instant? = nil, by caller: Caller) throws -> [EscalationView] {
        guard caller.role == .admin else {
            throw InspectError.permissionDenied("only members of \(Role.adminGroup) may evaluate escalations")
        }
        return try perform { db, log in
            let triggers = try FindingRecord.currentRoots(db, observedSince: since ?? Instant(seconds: .min))
            let raised = try raiseEscalations(db, log: &log, triggers: Set(triggers), by: caller.user)
            return try raised.map { try EscalationViews.one(db, id: $0.id!) }
        }
    }
}

/// Escalations as people see them.
enum EscalationViews {
    static func view(_ listed: EscalationRecord.Listed) -> EscalationView {
        let record = listed.record
        return EscalationView(
            id: record.id!, rule: record.rule, level: record.level, subject: record.subjectValue,
            threshold: record.threshold, window: record.window.description, firstDay: record.firstDay,
            lastDay: record.lastDay, count: record.count, findings: listed.findings, trigger: record.triggerId,
            office: listed.triggerOffice, raisedAt: record.raisedAt, raisedBy: record.raisedBy,
            acknowledgedAt: record.acknowledgedAt, acknowledgedBy: record.acknowledgedBy, note: record.note,
            retracted: listed.retracted, amended: listed.amended)
    }

    static func one(_ db: StoreTransaction, id: Int64) throws -> EscalationView {
        guard let listed = try EscalationRecord.listed(db, id: id) else {
            throw InspectError.notFound(kind: "escalation", key: String(id))
        }
        return view(listed)
    }
}
