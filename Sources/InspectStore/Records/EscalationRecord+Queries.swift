import GRDB
import InspectCore

/// Reads escalations as people see them.
extension EscalationRecord {
    /// An escalation with what a listing shows beside it.
    package struct Listed {
        package var record: EscalationRecord
        /// The code of the office of its triggering finding.
        package var triggerOffice: String
        /// The findings it counted, by id.
        package var findings: [Int64]
        /// The findings it counted that were retracted since, by id.
        package var retracted: [Int64]
        /// The findings it counted that were amended after it was raised, by id.
        package var amended: [Int64]
    }

    /// The order of a listing.
    package enum Order {
        /// Newest first.
        case newestFirst
        /// By id, as raised.
        case byID
    }

    /// `e` the escalation, `t` the office of its triggering finding.
    private static let listedSelect: SQL = """
        SELECT e.*, t.code AS trigger_office,
            (SELECT json_group_array(x.finding_id) FROM
                (SELECT finding_id FROM escalation_finding WHERE escalation_id = e.id ORDER BY finding_id) x) AS ids,
            (SELECT json_group_array(ef.finding_id) FROM escalation_finding ef
             WHERE ef.escalation_id = e.id AND EXISTS (
                SELECT 1 FROM finding r JOIN finding_lineage rl ON rl.finding_id = r.id
                WHERE rl.root_id = ef.finding_id AND r.action = \(FindingAction.retract))) AS retracted,
            (SELECT json_group_array(ef.finding_id) FROM escalation_finding ef
             WHERE ef.escalation_id = e.id AND EXISTS (
                SELECT 1 FROM finding r JOIN finding_lineage rl ON rl.finding_id = r.id
                WHERE rl.root_id = ef.finding_id AND r.action = \(FindingAction.amend) AND r.recorded_at > e.raised_at))
                AS amended
        FROM escalation e
        JOIN finding tf ON tf.id = e.trigger_id
        JOIN inspection ti ON ti.id = tf.inspection_id
        JOIN office t ON t.id = ti.office_id
        """

    private static func listed(
        _ transaction: StoreTransaction, where conditions: [SQL], order: Order
    ) throws -> [Listed] {
        let whereClause: SQL = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let orderClause: SQL =
            switch order {
            case .newestFirst: " ORDER BY e.raised_at DESC, e.id DESC"
            case .byID: " ORDER BY e.id"
            }
        return try Row.fetchAll(transaction.db, SQLRequest(literal: listedSelect + whereClause + orderClause)).map {
            row in
            Listed(
                record: try EscalationRecord(row: row), triggerOffice: row["trigger_office"], findings: ids(row["ids"]),
                retracted: ids(row["retracted"]), amended: ids(row["amended"]))
        }
    }

    /// Escalations, only open ones when `openOnly`, only about the person `staff`, only about the office `office` or
    /// raised by a finding made there.
    package static func listed(
        _ transaction: StoreTransaction, openOnly: Bool = false, staff: String? = nil, office: String? = nil,
        order: Order
    ) throws -> [Listed] {
        var conditions: [SQL] = []
        if openOnly { conditions.append("e.acknowledged_at IS NULL") }
        if let staff {
            conditions.append("e.subject_kind = \(EscalationSubjectKind.staff) AND e.subject = \(staff)")
        }
        if let office {
            conditions.append(
                "((e.subject_kind = \(EscalationSubjectKind.office) AND e.subject = \(office)) OR t.code = \(office))")
        }
        return try listed(transaction, where: conditions, order: order)
    }

    /// The escalation `id`.
    package static func listed(_ transaction: StoreTransaction, id: Int64) throws -> Listed? {
        try listed(transaction, where: ["e.id = \(id)"], order: .byID).first
    }

    /// The ids of a `json_group_array` of integers.
    private static func ids(_ text: String?) -> [Int64] {
        guard let text else { return [] }
        return text.trimmingCharacters(in: ["[", "]"]).split(separator: ",").compactMap { Int64($0) }.sorted()
    }
}

// MARK: - Findings as escalation rules count them

extension FindingRecord {
    /// The current findings matching `condition` (over `f` the row, `l` its lineage, `o` its office), under the id
    /// of the row that first recorded each.
    private static func escalationFindings(
        _ transaction: StoreTransaction, where condition: SQL
    ) throws -> [EscalationFinding] {
        let request: SQLRequest<Row> = """
            SELECT l.root_id, f.violation, v.severity, f.staff_badge, o.code, f.observed_at
            FROM finding f
            JOIN finding_lineage l ON l.finding_id = f.id
            JOIN inspection i ON i.id = f.inspection_id
            JOIN office o ON o.id = i.office_id
            JOIN violation_type v ON v.code = f.violation
            WHERE \(isCurrent) AND (\(condition))
            """
        return try request.fetchAll(transaction.db).map { row in
            EscalationFinding(
                id: row["root_id"], violation: row["violation"], severity: row["severity"], staff: row["staff_badge"],
                office: row["code"], observedAt: row["observed_at"])
        }
    }

    /// The current findings first recorded as `roots`.
    package static func escalationFindings(
        _ transaction: StoreTransaction, roots: [Int64]
    ) throws -> [EscalationFinding] {
        try escalationFindings(
            transaction,
            where: SQL(sql: "l.root_id IN (SELECT value FROM json_each(?))", arguments: [JSONText.array(roots)]))
    }

    /// The current findings observed since `since` about one of `staff` or made in one of `offices`.
    package static func escalationFindings(
        _ transaction: StoreTransaction, since: Instant, staff: [String], offices: [String]
    ) throws -> [EscalationFinding] {
        try escalationFindings(
            transaction,
            where: SQL(
                sql: """
                    f.observed_at >= ? AND (f.staff_badge IN (SELECT value FROM json_each(?))
                        OR o.code IN (SELECT value FROM json_each(?)))
                    """,
                arguments: [since.seconds, JSONText.array(staff), JSONText.array(offices)]))
    }

    /// The roots of the current findings observed since `since`.
    package static func currentRoots(_ transaction: StoreTransaction, observedSince since: Instant) throws -> [Int64] {
        let sql =
            "SELECT l.root_id FROM finding f JOIN finding_lineage l ON l.finding_id = f.id WHERE " + isCurrent
            + " AND f.observed_at >= \(since.seconds)"
        return try Int64.fetchAll(transaction.db, SQLRequest(literal: sql))
    }
}
