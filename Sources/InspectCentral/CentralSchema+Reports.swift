/// Migration 4: what the summary report (`report summary --central`) reads, as views of the `reporting` schema, so
/// the read-only role can run it.
///
/// - `center.inspection_transition.opened_at`: when the inspection was opened, on every status the site sends after
///   opening. An inspection imported already closed arrives with its closing only; without this, the center could
///   not place it in the period its opening falls in, as the site does. Rows sent before this migration have none:
///   their opening is the `open` transition's time.
/// - `reporting.inspections` gains the opening, the staff checked and the reference time (opened, else due, else
///   created: `InspectionRecord.reference` on the site); `reporting.findings` gains the inspection and the
///   category of the person named (`office` for a finding about the office itself).
/// - `reporting.offices`, `reporting.escalations` and `reporting.corrective_actions` give the registry and what was
///   done about the findings, with their retirements, acknowledgements and steps folded in.
extension CentralSchema {
    static let reports = [
        "ALTER TABLE center.inspection_transition ADD COLUMN opened_at timestamptz",
        "CREATE INDEX finding_inspection ON center.finding(site, inspection_row_id)",
        """
        CREATE OR REPLACE VIEW reporting.inspections AS
        SELECT s.name AS site, i.row_id AS inspection, o.code AS office, o.name AS office_name, i.kind, i.plan,
            i.due_at, t.status, t.changed_at AS status_at, i.created_at,
            op.opened_at, t.checked, coalesce(op.opened_at, i.due_at, i.created_at) AS reference_at
        FROM center.inspection i
        JOIN center.site s ON s.record_id = i.site
        JOIN center.office o ON o.site = i.site AND o.row_id = i.office_row_id
        LEFT JOIN LATERAL (
            SELECT status, changed_at, checked FROM center.inspection_transition t
            WHERE t.site = i.site AND t.inspection_row_id = i.row_id ORDER BY t.row_id DESC LIMIT 1
        ) t ON true
        LEFT JOIN LATERAL (
            SELECT coalesce(max(t.opened_at), max(t.changed_at) FILTER (WHERE t.status = 'open')) AS opened_at
            FROM center.inspection_transition t WHERE t.site = i.site AND t.inspection_row_id = i.row_id
        ) op ON true
        """,
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
            AND NOT EXISTS (SELECT 1 FROM center.finding c WHERE c.site = f.site AND c.corrects_row_id = f.row_id)
        """,
        """
        CREATE VIEW reporting.offices AS
        SELECT s.name AS site, o.code, o.name, o.kind, o.created_at, r.retired_at
        FROM center.office o
        JOIN center.site s ON s.record_id = o.site
        LEFT JOIN center.office_retirement r ON r.site = o.site AND r.office_row_id = o.row_id
        """,
        """
        CREATE VIEW reporting.escalations AS
        SELECT s.name AS site, e.row_id AS escalation, e.rule, e.level, e.subject_kind, e.subject, e.raised_at,
            a.acknowledged_at
        FROM center.escalation e
        JOIN center.site s ON s.record_id = e.site
        LEFT JOIN center.escalation_acknowledgement a ON a.site = e.site AND a.escalation_row_id = e.row_id
        """,
        """
        CREATE VIEW reporting.corrective_actions AS
        SELECT s.name AS site, c.row_id AS action, c.finding_row_id AS finding, c.requirement, c.due_at,
            c.required_at, d.changed_at AS done_at, v.changed_at AS verified_at
        FROM center.corrective_action c
        JOIN center.site s ON s.record_id = c.site
        LEFT JOIN center.corrective_action_step d
            ON d.site = c.site AND d.action_row_id = c.row_id AND d.step = 'done'
        LEFT JOIN center.corrective_action_step v
            ON v.site = c.site AND v.action_row_id = c.row_id AND v.step = 'verified'
        """,
        "GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO \(CentralRoles.reporting)",
    ]
}
