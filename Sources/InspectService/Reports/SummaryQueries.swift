import GRDB
import InspectCore
import InspectStore

/// The SQL of the summary report. `scripts/bench` runs the same statements in the `sqlite3` tool as its baseline,
/// so a change here belongs there too.
enum SummaryQueries {
    /// When an inspection happened for reports: opened, else due, else created (indexed by `inspection_reference`).
    static let reference = "coalesce(i.opened_at, i.due_at, i.created_at)"

    /// Inspections of the period that anyone may count: surprise and follow-up inspections not yet due are secret,
    /// and reports are printed and passed around.
    static let inPeriod = "\(reference) >= ? AND \(reference) < ? AND \(InspectService.notSecret)"

    /// Opened inspections. The unary `+` keeps SQLite from reading them through the status index: the period's
    /// range on `inspection_reference` selects far fewer rows in a record of many years.
    static let performed = "+i.status IN ('open', 'closed')"

    /// Inspections by kind and status, with how many had a due time (were planned to happen).
    static let statusCounts = """
        SELECT i.kind, i.status, count(*) AS n, count(i.due_at) AS planned FROM inspection i
        WHERE \(inPeriod) GROUP BY i.kind, i.status
        """

    /// One row per inspection performed (opened) in the period, with its current findings and the distinct staff
    /// they name.
    static let performedInspections = """
        SELECT o.code, i.kind, \(reference) AS at, i.status = 'closed' AS closed, coalesce(i.checked, 0) AS checked,
            count(f.id) AS violations, count(DISTINCT f.staff_badge) AS staff
        FROM inspection i JOIN office o ON o.id = i.office_id
        LEFT JOIN finding f ON f.inspection_id = i.id AND \(FindingRows.isCurrent)
        WHERE \(inPeriod) AND \(performed)
        GROUP BY i.id
        """

    /// Current findings of the period's performed inspections, by violation type.
    static let byType = """
        SELECT f.violation, count(*) AS n FROM inspection i JOIN finding f ON f.inspection_id = i.id
        WHERE \(inPeriod) AND \(performed) AND \(FindingRows.isCurrent)
        GROUP BY f.violation
        """

    /// Current findings of the period's performed inspections, by the category of the person they name (`office`
    /// for findings about the office itself).
    static let byCategory = """
        SELECT coalesce(s.category, 'office') AS category, count(*) AS n
        FROM inspection i JOIN finding f ON f.inspection_id = i.id LEFT JOIN staff s ON s.badge = f.staff_badge
        WHERE \(inPeriod) AND \(performed) AND \(FindingRows.isCurrent)
        GROUP BY 1
        """

    /// Offices in the registry during the period: active, or retired after it started.
    static let offices = """
        SELECT code, name FROM office WHERE active = 1 OR retired_at >= ? ORDER BY code
        """

    /// Escalations raised in the period, by level, with how many are acknowledged now.
    static let escalations = """
        SELECT level, count(*) AS n, count(acknowledged_at) AS acknowledged FROM escalation
        WHERE raised_at >= ? AND raised_at < ? GROUP BY level
        """

    /// Corrective actions required in the period, and those not done by its end (of which past their due time).
    static let actions = """
        SELECT count(*) FILTER (WHERE required_at >= ?1) AS required,
            count(*) FILTER (WHERE done_at IS NULL OR done_at >= ?2) AS open,
            count(*) FILTER (WHERE (done_at IS NULL OR done_at >= ?2) AND due_at < ?2) AS overdue
        FROM corrective_action WHERE required_at < ?2
        """

    static func arguments(_ period: ReportPeriod) -> StatementArguments {
        [period.from.seconds, period.to.seconds]
    }
}
