import GRDB
import InspectCore
import InspectStore

extension InspectService {
    /// Escalations matching `filter`, newest first.
    /// - Throws: `.notFound` for an unknown badge or office.
    public func listEscalations(_ filter: EscalationFilter = EscalationFilter()) throws -> [EscalationView] {
        try query { db in
            var conditions: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            if filter.openOnly { conditions.append("e.acknowledged_at IS NULL") }
            if let staff = filter.staff {
                _ = try StaffRecord.require(db, badge: staff)
                conditions.append("e.subject_kind = 'staff' AND e.subject = ?")
                arguments.append(staff)
            }
            if let office = filter.office {
                _ = try OfficeRecord.require(db, code: office)
                conditions.append("((e.subject_kind = 'office' AND e.subject = ?) OR t.code = ?)")
                arguments += [office, office]
            }
            let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return try EscalationViews.fetch(
                db, where: whereClause, order: "e.raised_at DESC, e.id DESC", arguments: StatementArguments(arguments))
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
            throw InspectError.permissionDenied("only members of inspectd-admin may acknowledge escalations")
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
            throw InspectError.permissionDenied("only members of inspectd-admin may evaluate escalations")
        }
        return try perform { db, log in
            let triggers = try Int64.fetchAll(
                db,
                sql: "SELECT l.root_id FROM finding f JOIN finding_lineage l ON l.finding_id = f.id WHERE "
                    + FindingRows.isCurrent + " AND f.observed_at >= ?",
                arguments: [(since ?? Instant(seconds: .min)).seconds])
            let raised = try raiseEscalations(db, log: &log, triggers: Set(triggers), by: caller.user)
            return try raised.map { try EscalationViews.one(db, id: $0.id!) }
        }
    }
}

/// SQL for reading escalations as people see them.
enum EscalationViews {
    /// `e` the escalation, `t` the office of its triggering finding.
    private static let select = """
        SELECT e.*, t.code AS trigger_office,
            (SELECT json_group_array(x.finding_id) FROM
                (SELECT finding_id FROM escalation_finding WHERE escalation_id = e.id ORDER BY finding_id) x) AS ids,
            (SELECT json_group_array(ef.finding_id) FROM escalation_finding ef
             WHERE ef.escalation_id = e.id AND EXISTS (
                SELECT 1 FROM finding r JOIN finding_lineage rl ON rl.finding_id = r.id
                WHERE rl.root_id = ef.finding_id AND r.action = 'retract')) AS retracted,
            (SELECT json_group_array(ef.finding_id) FROM escalation_finding ef
             WHERE ef.escalation_id = e.id AND EXISTS (
                SELECT 1 FROM finding r JOIN finding_lineage rl ON rl.finding_id = r.id
                WHERE rl.root_id = ef.finding_id AND r.action = 'amend' AND r.recorded_at > e.raised_at)) AS amended
        FROM escalation e
        JOIN finding tf ON tf.id = e.trigger_id
        JOIN inspection ti ON ti.id = tf.inspection_id
        JOIN office t ON t.id = ti.office_id
        """

    static func fetch(
        _ db: Database, where condition: String, order: String, arguments: StatementArguments
    ) throws
        -> [EscalationView]
    {
        try Row.fetchAll(db, sql: select + condition + " ORDER BY " + order, arguments: arguments).map(view)
    }

    static func one(_ db: Database, id: Int64) throws -> EscalationView {
        guard let view = try fetch(db, where: " WHERE e.id = ?", order: "e.id", arguments: [id]).first else {
            throw InspectError.notFound(kind: "escalation", key: String(id))
        }
        return view
    }

    private static func view(_ row: Row) throws -> EscalationView {
        let record = try EscalationRecord(row: row)
        return EscalationView(
            id: record.id!, rule: record.rule, level: record.level, subject: record.subjectValue,
            threshold: record.threshold, window: record.window.description, firstDay: record.firstDay,
            lastDay: record.lastDay, count: record.count, findings: ids(row["ids"]), trigger: record.triggerId,
            office: row["trigger_office"], raisedAt: record.raisedAt, raisedBy: record.raisedBy,
            acknowledgedAt: record.acknowledgedAt, acknowledgedBy: record.acknowledgedBy, note: record.note,
            retracted: ids(row["retracted"]), amended: ids(row["amended"]))
    }

    /// The ids of a `json_group_array` of integers.
    private static func ids(_ text: String?) -> [Int64] {
        guard let text else { return [] }
        return text.trimmingCharacters(in: ["[", "]"]).split(separator: ",").compactMap { Int64($0) }.sorted()
    }
}
