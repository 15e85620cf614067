/// Migration 5: what lets the summary report (`CentralSummaryQueries`) read the findings once, and quickly.
///
/// - `reporting.findings` is the same view, with the condition of its corrections written so that PostgreSQL
///   reads them from their partial index (`finding_corrects`) and counts them as few as they are: without it, it
///   planned for as many corrections as findings and spilled every finding to disk to set them apart.
/// - `reporting.staff` gives each staff member's category, so a report groups the findings by the staff they name
///   and looks the categories up once per person rather than once per finding.
extension CentralSchema {
    static let reportViews = [
        """
        CREATE OR REPLACE VIEW reporting.findings AS
        SELECT s.name AS site, f.row_id AS finding, o.code AS office, i.kind AS inspection_kind, f.violation,
            f.staff_badge, f.observed_at, f.minutes, f.recorded_at,
            i.row_id AS inspection, coalesce(st.category, 'office') AS category
        FROM center.finding f
        JOIN center.site s ON s.record_id = f.site
        JOIN center.inspection i ON i.site = f.site AND i.row_id = f.inspection_row_id
        JOIN center.office o ON o.site = i.site AND o.row_id = i.office_row_id
        LEFT JOIN center.staff st ON st.site = f.site AND st.badge = f.staff_badge
        WHERE f.action <> 'retract'
            AND NOT EXISTS (
                SELECT 1 FROM center.finding c
                WHERE c.site = f.site AND c.corrects_row_id = f.row_id AND c.corrects_row_id IS NOT NULL)
        """,
        """
        CREATE VIEW reporting.staff AS
        SELECT s.name AS site, st.badge, st.category FROM center.staff st JOIN center.site s ON s.record_id = st.site
        """,
        "GRANT SELECT ON reporting.staff TO \(CentralRoles.reporting)",
    ]
}
