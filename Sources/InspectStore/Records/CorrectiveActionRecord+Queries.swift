import GRDB
import InspectCore

/// Reads corrective actions with their findings.
extension CorrectiveActionRecord {
    /// An action with what a listing shows beside it.
    package struct Listed {
        package var record: CorrectiveActionRecord
        /// The violation type of the finding as it stands (its current row), or as it was last recorded when it has
        /// been retracted.
        package var violation: String
        package var staff: String?
        package var office: String
        /// Whether the finding was retracted since.
        package var findingRetracted: Bool
    }

    /// True when the finding of action `a` was retracted.
    private static let retracted: SQL = """
        EXISTS (SELECT 1 FROM finding r JOIN finding_lineage rl ON rl.finding_id = r.id
                WHERE rl.root_id = a.finding_id AND r.action = \(FindingAction.retract))
        """

    /// `a` the action, `f` the finding's latest row that is not a retraction, `o` its office.
    private static let listedSelect: SQL = """
        SELECT a.*, f.violation, f.staff_badge, o.code AS office_code, \(retracted) AS is_retracted
        FROM corrective_action a
        JOIN finding f ON f.id = (
            SELECT max(x.id) FROM finding x JOIN finding_lineage xl ON xl.finding_id = x.id
            WHERE xl.root_id = a.finding_id AND x.action <> \(FindingAction.retract))
        JOIN inspection i ON i.id = f.inspection_id
        JOIN office o ON o.id = i.office_id
        """

    private static func listed(_ transaction: StoreTransaction, where conditions: [SQL]) throws -> [Listed] {
        let whereClause: SQL = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = listedSelect + whereClause + " ORDER BY a.due_at, a.id"
        return try Row.fetchAll(transaction.db, SQLRequest(literal: sql)).map { row in
            Listed(
                record: try CorrectiveActionRecord(row: row), violation: row["violation"], staff: row["staff_badge"],
                office: row["office_code"], findingRetracted: row["is_retracted"])
        }
    }

    /// Actions with this status, open and due by `dueBy` with their finding standing, on findings of the office
    /// `office`, about the person `staff`, by due date.
    package static func listed(
        _ transaction: StoreTransaction, status: ActionStatus? = nil, dueBy: Instant? = nil, office: String? = nil,
        staff: String? = nil
    ) throws -> [Listed] {
        var conditions: [SQL] = []
        if let status { conditions.append("a.status = \(status)") }
        if let dueBy {
            conditions.append("a.status = \(ActionStatus.open) AND a.due_at <= \(dueBy.seconds) AND NOT \(retracted)")
        }
        if let office { conditions.append("o.code = \(office)") }
        if let staff { conditions.append("f.staff_badge = \(staff)") }
        return try listed(transaction, where: conditions)
    }

    /// The actions on findings one of whose rows was about the person `badge` (moved to someone else by an
    /// amendment too), by due date.
    package static func listed(_ transaction: StoreTransaction, findingsEverAbout badge: String) throws -> [Listed] {
        try listed(transaction, where: ["a.finding_id IN (\(FindingRecord.roots(everAbout: badge)))"])
    }

    /// The action `id`.
    package static func listed(_ transaction: StoreTransaction, id: Int64) throws -> Listed? {
        try listed(transaction, where: ["a.id = \(id)"]).first
    }

    /// The open actions not yet reported overdue whose finding stands, for the scheduler.
    package static func pending(_ transaction: StoreTransaction) throws -> [Agenda.ActionItem] {
        let sql: SQL =
            "SELECT a.id, a.due_at FROM corrective_action a WHERE a.status = \(ActionStatus.open) "
            + "AND a.overdue_at IS NULL AND NOT \(retracted)"
        return try Row.fetchAll(transaction.db, SQLRequest(literal: sql)).map {
            Agenda.ActionItem(id: $0["id"], dueAt: $0["due_at"])
        }
    }
}

extension CorrectiveActionRecord {
    /// The action on the finding first recorded as `root`, if any.
    package static func find(_ transaction: StoreTransaction, finding root: Int64) throws -> CorrectiveActionRecord? {
        try filter(Columns.findingId == root).fetchOne(transaction.db)
    }
}
