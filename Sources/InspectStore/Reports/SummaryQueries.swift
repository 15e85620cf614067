import GRDB
import InspectCore

/// The queries of the summary report. `scripts/bench` runs the same statements in the `sqlite3` tool as its baseline,
/// so a change here belongs there too.
package enum SummaryQueries {
    /// Inspections of the period that anyone may count: surprise and follow-up inspections not yet due are secret,
    /// and reports are printed and passed around.
    private static func inPeriod(_ period: ReportPeriod) -> SQL {
        let reference = InspectionRecord.reference
        return SQL(
            sql: "\(reference) >= ? AND \(reference) < ?", arguments: [period.from.seconds, period.to.seconds])
            + " AND " + InspectionRecord.notSecret
    }

    /// Opened inspections. The unary `+` keeps SQLite from reading them through the status index: the period's
    /// range on `inspection_reference` selects far fewer rows in a record of many years.
    private static let performed: SQL = "+i.status IN \([InspectionStatus.open, .closed])"

    /// Inspections by kind and status, with how many had a due time (were planned to happen).
    package static func statusCounts(
        _ transaction: StoreTransaction, _ period: ReportPeriod
    ) throws -> [(kind: InspectionKind, status: InspectionStatus, count: Int, planned: Int)] {
        let request: SQLRequest<Row> = """
            SELECT i.kind, i.status, count(*) AS n, count(i.due_at) AS planned FROM inspection i
            WHERE \(inPeriod(period)) GROUP BY i.kind, i.status
            """
        return try request.fetchAll(transaction.db).map { ($0["kind"], $0["status"], $0["n"], $0["planned"]) }
    }

    /// An inspection performed (opened) in a period, with its current findings and the distinct staff they name.
    package typealias Performed = (
        office: String, kind: InspectionKind, at: Instant, closed: Bool, checked: Int, violations: Int, staff: Int
    )

    /// One row per inspection performed (opened) in the period, with its current findings and the distinct staff
    /// they name.
    package static func performedInspections(
        _ transaction: StoreTransaction, _ period: ReportPeriod
    ) throws -> [Performed] {
        let request: SQLRequest<Row> = """
            SELECT o.code, i.kind, \(sql: InspectionRecord.reference) AS at,
                i.status = \(InspectionStatus.closed) AS closed, coalesce(i.checked, 0) AS checked,
                count(f.id) AS violations, count(DISTINCT f.staff_badge) AS staff
            FROM inspection i JOIN office o ON o.id = i.office_id
            LEFT JOIN finding f ON f.inspection_id = i.id AND \(FindingRecord.isCurrent)
            WHERE \(inPeriod(period)) AND \(performed)
            GROUP BY i.id
            """
        return try request.fetchAll(transaction.db).map { row in
            (
                office: row["code"], kind: row["kind"], at: row["at"], closed: row["closed"], checked: row["checked"],
                violations: row["violations"], staff: row["staff"]
            )
        }
    }

    /// Current findings of the period's performed inspections, by violation type.
    package static func violationsByType(
        _ transaction: StoreTransaction, _ period: ReportPeriod
    ) throws -> [String: Int] {
        let request: SQLRequest<Row> = """
            SELECT f.violation, count(*) AS n FROM inspection i JOIN finding f ON f.inspection_id = i.id
            WHERE \(inPeriod(period)) AND \(performed) AND \(FindingRecord.isCurrent)
            GROUP BY f.violation
            """
        return try Dictionary(
            uniqueKeysWithValues: request.fetchAll(transaction.db).map { ($0["violation"] as String, $0["n"] as Int) })
    }

    /// Current findings of the period's performed inspections, by the category of the person they name (`office`
    /// for findings about the office itself).
    package static func violationsByCategory(
        _ transaction: StoreTransaction, _ period: ReportPeriod
    ) throws -> [String: Int] {
        let request: SQLRequest<Row> = """
            SELECT coalesce(s.category, 'office') AS category, count(*) AS n
            FROM inspection i JOIN finding f ON f.inspection_id = i.id LEFT JOIN staff s ON s.badge = f.staff_badge
            WHERE \(inPeriod(period)) AND \(performed) AND \(FindingRecord.isCurrent)
            GROUP BY 1
            """
        return try Dictionary(
            uniqueKeysWithValues: request.fetchAll(transaction.db).map { ($0["category"] as String, $0["n"] as Int) })
    }

    /// Offices in the registry during the period: active, or retired after it started.
    package static func offices(_ transaction: StoreTransaction, _ period: ReportPeriod) throws -> [OfficeName] {
        try Row.fetchAll(
            transaction.db, sql: "SELECT code, name FROM office WHERE active = 1 OR retired_at >= ? ORDER BY code",
            arguments: [period.from.seconds]
        ).map { OfficeName(code: $0["code"], name: $0["name"]) }
    }

    /// Escalations raised in the period, by level (its raw value), with how many are acknowledged now.
    package static func escalations(
        _ transaction: StoreTransaction, _ period: ReportPeriod
    ) throws -> [(level: String, count: Int, acknowledged: Int)] {
        try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT level, count(*) AS n, count(acknowledged_at) AS acknowledged FROM escalation
                WHERE raised_at >= ? AND raised_at < ? GROUP BY level
                """,
            arguments: [period.from.seconds, period.to.seconds]
        ).map { ($0["level"], $0["n"], $0["acknowledged"]) }
    }

    /// Corrective actions required in the period, and those not done by its end (of which past their due time).
    package static func actions(
        _ transaction: StoreTransaction, _ period: ReportPeriod
    ) throws -> (required: Int, open: Int, overdue: Int) {
        let row = try Row.fetchOne(
            transaction.db,
            sql: """
                SELECT count(*) FILTER (WHERE required_at >= ?1) AS required,
                    count(*) FILTER (WHERE done_at IS NULL OR done_at >= ?2) AS open,
                    count(*) FILTER (WHERE (done_at IS NULL OR done_at >= ?2) AND due_at < ?2) AS overdue
                FROM corrective_action WHERE required_at < ?2
                """,
            arguments: [period.from.seconds, period.to.seconds])
        return (row?["required"] ?? 0, row?["open"] ?? 0, row?["overdue"] ?? 0)
    }
}
