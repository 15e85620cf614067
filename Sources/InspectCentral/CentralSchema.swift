/// The center's schema: every fact a site records, keyed by the site (its record identity, `INSPECTD_RECORD`) and the
/// row's id in the site's own database, plus views for reports.
///
/// Facts are only added, never changed: what a site updates in place (an inspection's status, a staff member's
/// office, an escalation's acknowledgement, a corrective action's steps) arrives here as rows of its own, keyed by the
/// site's ledger sequence number of the change. Instants are `timestamptz`; a site sends its Unix seconds.
enum CentralSchema {
    static let migrations: [CentralMigrator.Migration] = [
        .init(version: 1, name: "facts", statements: roles + sites + facts + siteAccess),
        .init(version: 2, name: "reporting", statements: reporting),
        .init(version: 3, name: "uplink", statements: uplink),
        .init(version: 4, name: "reports", statements: reports),
        .init(version: 5, name: "report-views", statements: reportViews),
        .init(version: 6, name: "schema-version", statements: schemaVersion),
        .init(version: 7, name: "add-findings", statements: addFindings),
        .init(version: 8, name: "finding-keys", statements: findingKeys),
    ]

    /// The schema's version, readable by the sites and the report readers, so an uplink or a report of a newer
    /// inspectd names a center not yet brought up to date (``CentralMigrator/requireCurrent(_:)``) rather than
    /// failing on a missing column or view.
    static let schemaVersion = [
        "CREATE VIEW reporting.schema_version AS SELECT max(version) AS version FROM center.schema_version",
        "GRANT USAGE ON SCHEMA reporting TO \(CentralRoles.sites)",
        "GRANT SELECT ON reporting.schema_version TO \(CentralRoles.sites), \(CentralRoles.reporting)",
    ]

    /// The fact tables a site adds rows to, each under the same row-level security policy.
    static let factTables = [
        "office", "office_retirement", "staff", "staff_move", "staff_retirement", "surprise_draw", "inspection",
        "inspection_transition", "follow_up_draw", "finding", "escalation", "escalation_finding",
        "escalation_acknowledgement", "corrective_action", "corrective_action_step",
    ]

    /// The two group roles, created only where missing: roles belong to the cluster and may outlive a dropped schema.
    private static let roles = [CentralRoles.sites, CentralRoles.reporting].map { role in
        """
        DO $$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(role)') THEN CREATE ROLE \(role) NOLOGIN; END IF;
        END $$
        """
    }

    /// The sites, each with the login it writes with; and the function the policies ask which site the connected
    /// login is. It reads `session_user`, which `SET ROLE` does not change, and runs with its owner's rights, so a
    /// site needs no access to the table of sites.
    private static let sites = [
        """
        CREATE TABLE center.site (
            record_id text PRIMARY KEY CHECK (record_id ~ '^[0-9a-f]{32}$'),
            name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
            login text NOT NULL UNIQUE,
            added_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        """
        CREATE FUNCTION center.current_site() RETURNS text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
        AS $$ SELECT record_id FROM center.site WHERE login = session_user $$
        """,
    ]

    /// The columns every fact table begins with: whose row it is, and when the center received it.
    private static let owner = """
        site text NOT NULL DEFAULT center.current_site() REFERENCES center.site(record_id),
            received_at timestamptz NOT NULL DEFAULT now(),
        """

    private static let facts = [
        """
        CREATE TABLE center.office (
            \(owner)
            row_id bigint NOT NULL,
            code text NOT NULL,
            name text NOT NULL,
            parent_row_id bigint,
            kind text NOT NULL CHECK (kind IN ('district', 'department', 'commune', 'town', 'agency', 'unit')),
            hours_profile text NOT NULL,
            created_at timestamptz NOT NULL,
            PRIMARY KEY (site, row_id),
            UNIQUE (site, code),
            FOREIGN KEY (site, parent_row_id) REFERENCES center.office(site, row_id)
        )
        """,
        """
        CREATE TABLE center.office_retirement (
            \(owner)
            office_row_id bigint NOT NULL,
            retired_at timestamptz NOT NULL,
            PRIMARY KEY (site, office_row_id),
            FOREIGN KEY (site, office_row_id) REFERENCES center.office(site, row_id)
        )
        """,
        """
        CREATE TABLE center.staff (
            \(owner)
            row_id bigint NOT NULL,
            badge text NOT NULL,
            name text NOT NULL,
            title text,
            category text NOT NULL CHECK (category IN ('cadre', 'civil-servant', 'public-employee')),
            created_at timestamptz NOT NULL,
            PRIMARY KEY (site, row_id),
            UNIQUE (site, badge)
        )
        """,
        // A person's office from `started_at` on: the site's staff_assignment rows (the first one included).
        """
        CREATE TABLE center.staff_move (
            \(owner)
            row_id bigint NOT NULL,
            staff_row_id bigint NOT NULL,
            office_row_id bigint NOT NULL,
            started_at timestamptz NOT NULL,
            recorded_by text NOT NULL,
            PRIMARY KEY (site, row_id),
            FOREIGN KEY (site, staff_row_id) REFERENCES center.staff(site, row_id),
            FOREIGN KEY (site, office_row_id) REFERENCES center.office(site, row_id)
        )
        """,
        """
        CREATE TABLE center.staff_retirement (
            \(owner)
            staff_row_id bigint NOT NULL,
            retired_at timestamptz NOT NULL,
            PRIMARY KEY (site, staff_row_id),
            FOREIGN KEY (site, staff_row_id) REFERENCES center.staff(site, row_id)
        )
        """,
        // Only revealed draws reach the center: the seed of one still pending never leaves the site.
        """
        CREATE TABLE center.surprise_draw (
            \(owner)
            row_id bigint NOT NULL,
            plan text NOT NULL,
            period text NOT NULL,
            period_start timestamptz NOT NULL,
            period_end timestamptz NOT NULL,
            commitment text NOT NULL,
            seed text NOT NULL,
            inputs text NOT NULL,
            created_at timestamptz NOT NULL,
            revealed_at timestamptz NOT NULL,
            PRIMARY KEY (site, row_id),
            UNIQUE (site, plan, period)
        )
        """,
        """
        CREATE TABLE center.inspection (
            \(owner)
            row_id bigint NOT NULL,
            office_row_id bigint NOT NULL,
            kind text NOT NULL CHECK (kind IN ('planned', 'surprise', 'follow-up', 'ad-hoc')),
            plan text,
            due_at timestamptz,
            window_end timestamptz,
            team text,
            draw_row_id bigint,
            follows_row_id bigint,
            created_at timestamptz NOT NULL,
            created_by text NOT NULL,
            PRIMARY KEY (site, row_id),
            FOREIGN KEY (site, office_row_id) REFERENCES center.office(site, row_id),
            FOREIGN KEY (site, draw_row_id) REFERENCES center.surprise_draw(site, row_id),
            FOREIGN KEY (site, follows_row_id) REFERENCES center.inspection(site, row_id)
        )
        """,
        // Each status an inspection takes, its first included; row_id is the site's ledger sequence number.
        """
        CREATE TABLE center.inspection_transition (
            \(owner)
            row_id bigint NOT NULL,
            inspection_row_id bigint NOT NULL,
            status text NOT NULL CHECK (status IN ('scheduled', 'due', 'open', 'closed', 'missed', 'cancelled')),
            changed_at timestamptz NOT NULL,
            changed_by text,
            checked integer CHECK (checked IS NULL OR checked >= 0),
            reason text,
            PRIMARY KEY (site, row_id),
            FOREIGN KEY (site, inspection_row_id) REFERENCES center.inspection(site, row_id)
        )
        """,
        """
        CREATE TABLE center.follow_up_draw (
            \(owner)
            row_id bigint NOT NULL,
            inspection_row_id bigint NOT NULL,
            follows_row_id bigint NOT NULL,
            commitment text NOT NULL,
            seed text NOT NULL,
            inputs text NOT NULL,
            due_at timestamptz NOT NULL,
            created_at timestamptz NOT NULL,
            revealed_at timestamptz NOT NULL,
            PRIMARY KEY (site, row_id),
            FOREIGN KEY (site, inspection_row_id) REFERENCES center.inspection(site, row_id),
            FOREIGN KEY (site, follows_row_id) REFERENCES center.inspection(site, row_id)
        )
        """,
        // The site's hash chain as it is: prev_hash and hash exactly as the site computed them (FindingChain).
        """
        CREATE TABLE center.finding (
            \(owner)
            row_id bigint NOT NULL,
            inspection_row_id bigint NOT NULL,
            violation text NOT NULL,
            staff_badge text,
            observed_at timestamptz NOT NULL,
            clock_time text,
            minutes integer,
            note text,
            recorded_by text NOT NULL,
            recorded_at timestamptz NOT NULL,
            action text NOT NULL CHECK (action IN ('record', 'amend', 'retract')),
            corrects_row_id bigint,
            reason text,
            corrected_at timestamptz,
            prev_hash text NOT NULL,
            hash text NOT NULL,
            PRIMARY KEY (site, row_id),
            UNIQUE (site, hash),
            FOREIGN KEY (site, inspection_row_id) REFERENCES center.inspection(site, row_id),
            FOREIGN KEY (site, corrects_row_id) REFERENCES center.finding(site, row_id),
            CHECK ((action = 'record') = (corrects_row_id IS NULL))
        )
        """,
        """
        CREATE UNIQUE INDEX finding_corrects ON center.finding(site, corrects_row_id)
        WHERE corrects_row_id IS NOT NULL
        """,
        """
        CREATE TABLE center.escalation (
            \(owner)
            row_id bigint NOT NULL,
            rule text NOT NULL,
            level text NOT NULL CHECK (level IN ('reminder', 'correction', 'referral')),
            subject_kind text NOT NULL CHECK (subject_kind IN ('staff', 'office')),
            subject text NOT NULL,
            threshold integer NOT NULL,
            window_size integer NOT NULL,
            window_unit text NOT NULL CHECK (window_unit IN ('days', 'working-days')),
            first_day date NOT NULL,
            last_day date NOT NULL,
            count integer NOT NULL,
            anchor_row_id bigint NOT NULL,
            trigger_row_id bigint NOT NULL,
            raised_at timestamptz NOT NULL,
            raised_by text NOT NULL,
            PRIMARY KEY (site, row_id),
            FOREIGN KEY (site, anchor_row_id) REFERENCES center.finding(site, row_id),
            FOREIGN KEY (site, trigger_row_id) REFERENCES center.finding(site, row_id)
        )
        """,
        """
        CREATE TABLE center.escalation_finding (
            \(owner)
            escalation_row_id bigint NOT NULL,
            finding_row_id bigint NOT NULL,
            PRIMARY KEY (site, escalation_row_id, finding_row_id),
            FOREIGN KEY (site, escalation_row_id) REFERENCES center.escalation(site, row_id),
            FOREIGN KEY (site, finding_row_id) REFERENCES center.finding(site, row_id)
        )
        """,
        """
        CREATE TABLE center.escalation_acknowledgement (
            \(owner)
            escalation_row_id bigint NOT NULL,
            acknowledged_at timestamptz NOT NULL,
            acknowledged_by text NOT NULL,
            note text,
            PRIMARY KEY (site, escalation_row_id),
            FOREIGN KEY (site, escalation_row_id) REFERENCES center.escalation(site, row_id)
        )
        """,
        """
        CREATE TABLE center.corrective_action (
            \(owner)
            row_id bigint NOT NULL,
            finding_row_id bigint NOT NULL,
            requirement text NOT NULL,
            due_date date NOT NULL,
            due_at timestamptz NOT NULL,
            required_by text NOT NULL,
            required_at timestamptz NOT NULL,
            PRIMARY KEY (site, row_id),
            UNIQUE (site, finding_row_id),
            FOREIGN KEY (site, finding_row_id) REFERENCES center.finding(site, row_id)
        )
        """,
        // An action's later steps: done, verified, found overdue; row_id is the site's ledger sequence number.
        """
        CREATE TABLE center.corrective_action_step (
            \(owner)
            row_id bigint NOT NULL,
            action_row_id bigint NOT NULL,
            step text NOT NULL CHECK (step IN ('done', 'verified', 'overdue')),
            changed_at timestamptz NOT NULL,
            changed_by text,
            note text,
            PRIMARY KEY (site, row_id),
            UNIQUE (site, action_row_id, step),
            FOREIGN KEY (site, action_row_id) REFERENCES center.corrective_action(site, row_id)
        )
        """,
    ]

    /// A site's login may add rows and read them back (to resume after a crash), and only its own site's: the policy
    /// checks every new row and filters every read. Nothing grants UPDATE or DELETE, so both are refused.
    private static let siteAccess =
        ["GRANT USAGE ON SCHEMA center TO \(CentralRoles.sites)"]
        + factTables.flatMap { table in
            [
                "ALTER TABLE center.\(table) ENABLE ROW LEVEL SECURITY",
                """
                CREATE POLICY own_rows ON center.\(table) FOR ALL TO \(CentralRoles.sites)
                USING (site = center.current_site()) WITH CHECK (site = center.current_site())
                """,
                "GRANT SELECT, INSERT ON center.\(table) TO \(CentralRoles.sites)",
            ]
        }

    /// Views for reports, in a schema of their own that the reporting role may read and nothing else. A view reads
    /// the tables with its owner's rights, so the reporting role sees every site and needs no grant on `center`.
    private static let reporting = [
        "CREATE SCHEMA reporting",
        // One row per site: how much it has sent and when the last row arrived (how far behind it may be).
        """
        CREATE VIEW reporting.sites AS
        SELECT s.name, s.record_id, s.added_at,
            (SELECT count(*) FROM center.office o WHERE o.site = s.record_id) AS offices,
            (SELECT count(*) FROM center.inspection i WHERE i.site = s.record_id) AS inspections,
            (SELECT count(*) FROM center.finding f WHERE f.site = s.record_id) AS finding_rows,
            (SELECT max(f.received_at) FROM center.finding f WHERE f.site = s.record_id) AS last_finding_received_at
        FROM center.site s
        """,
        // Each inspection with its office and the status of its latest transition.
        """
        CREATE VIEW reporting.inspections AS
        SELECT s.name AS site, i.row_id AS inspection, o.code AS office, o.name AS office_name, i.kind, i.plan,
            i.due_at, t.status, t.changed_at AS status_at, i.created_at
        FROM center.inspection i
        JOIN center.site s ON s.record_id = i.site
        JOIN center.office o ON o.site = i.site AND o.row_id = i.office_row_id
        LEFT JOIN LATERAL (
            SELECT status, changed_at FROM center.inspection_transition t
            WHERE t.site = i.site AND t.inspection_row_id = i.row_id ORDER BY t.row_id DESC LIMIT 1
        ) t ON true
        """,
        // The findings that stand: the last row of each finding's line of corrections, unless it retracts it.
        """
        CREATE VIEW reporting.findings AS
        SELECT s.name AS site, f.row_id AS finding, o.code AS office, i.kind AS inspection_kind, f.violation,
            f.staff_badge, f.observed_at, f.minutes, f.recorded_at
        FROM center.finding f
        JOIN center.site s ON s.record_id = f.site
        JOIN center.inspection i ON i.site = f.site AND i.row_id = f.inspection_row_id
        JOIN center.office o ON o.site = i.site AND o.row_id = i.office_row_id
        WHERE f.action <> 'retract'
            AND NOT EXISTS (SELECT 1 FROM center.finding c WHERE c.site = f.site AND c.corrects_row_id = f.row_id)
        """,
        // Every revealed draw, surprise and follow-up, with what it needs to be replayed and checked.
        """
        CREATE VIEW reporting.draws AS
        SELECT s.name AS site, 'surprise' AS kind, d.row_id AS draw, d.commitment, d.seed, d.inputs, d.revealed_at
        FROM center.surprise_draw d JOIN center.site s ON s.record_id = d.site
        UNION ALL
        SELECT s.name, 'follow-up', d.row_id, d.commitment, d.seed, d.inputs, d.revealed_at
        FROM center.follow_up_draw d JOIN center.site s ON s.record_id = d.site
        """,
        "GRANT USAGE ON SCHEMA reporting TO \(CentralRoles.reporting)",
        "GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO \(CentralRoles.reporting)",
    ]
}
