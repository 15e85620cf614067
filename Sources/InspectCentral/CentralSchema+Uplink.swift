/// Migration 3: what the uplink writes besides the facts, and the center's check of each site's chain.
///
/// - `center.uplink_batch`: one row per batch a site sent, in the same transaction as the batch's facts: the
///   site's cursor (how far it has sent) is the newest row, so a batch is either wholly there with its row or not
///   at all, and a site that crashed resumes from here, never sending a fact twice.
/// - `center.finding` gets a check before each new row: the row must continue the site's chain (its `prev_hash` is
///   the hash of the site's newest finding, and its id is past it). A row that does not — the site's record was
///   cut, rewritten, or restored from an old backup — goes to `center.divergent_finding` instead, the site is
///   flagged in `center.site_flag`, and every later finding of that site goes there too: divergent rows are kept
///   apart and never merged.
/// - Foreign keys are checked at commit, so the facts of one batch may arrive in any order; the link from an
///   inspection to its surprise draw is dropped, because a surprise is revealed when it falls due and its draw only
///   at the end of the draw's period.
/// - A status change and a corrective action's step are each recorded once.
extension CentralSchema {
    static let uplink =
        [
            """
            CREATE TABLE center.uplink_batch (
                site text NOT NULL DEFAULT center.current_site() REFERENCES center.site(record_id),
                batch bigint NOT NULL CHECK (batch >= 1),
                ledger_seq bigint NOT NULL,
                ledger_mac text,
                finding_row_id bigint NOT NULL,
                finding_hash text,
                facts integer NOT NULL CHECK (facts >= 0),
                received_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (site, batch)
            )
            """,
            """
            CREATE TABLE center.site_flag (
                site text NOT NULL DEFAULT center.current_site() REFERENCES center.site(record_id),
                flagged_at timestamptz NOT NULL DEFAULT now(),
                reason text NOT NULL,
                PRIMARY KEY (site, flagged_at)
            )
            """,
            "CREATE TABLE center.divergent_finding (LIKE center.finding INCLUDING DEFAULTS)",
            "ALTER TABLE center.divergent_finding ADD COLUMN diverged_at timestamptz NOT NULL DEFAULT now()",
            "CREATE INDEX divergent_finding_site ON center.divergent_finding(site, row_id)",
            """
            CREATE FUNCTION center.finding_continues_chain() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
            AS $$
            DECLARE
                head record;
                why text;
            BEGIN
                SELECT row_id, hash INTO head FROM center.finding WHERE site = NEW.site ORDER BY row_id DESC LIMIT 1;
                IF EXISTS (SELECT 1 FROM center.divergent_finding WHERE site = NEW.site) THEN
                    why := 'an earlier finding of this site diverged';
                ELSIF FOUND AND NEW.row_id <= head.row_id THEN
                    why := format('finding %s arrived after finding %s: the record was cut or restored from a backup',
                        NEW.row_id, head.row_id);
                ELSIF FOUND AND NEW.prev_hash <> head.hash THEN
                    why := format('finding %s does not continue finding %s: the record was rewritten',
                        NEW.row_id, head.row_id);
                ELSE
                    RETURN NEW;
                END IF;
                INSERT INTO center.divergent_finding SELECT (NEW).*;
                IF NOT EXISTS (SELECT 1 FROM center.site_flag WHERE site = NEW.site) THEN
                    INSERT INTO center.site_flag (site, reason) VALUES (NEW.site, why);
                    RAISE WARNING 'inspectd site % diverged: %', NEW.site, why;
                END IF;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER finding_continues_chain BEFORE INSERT ON center.finding
            FOR EACH ROW EXECUTE FUNCTION center.finding_continues_chain()
            """,
            """
            DO $$
            DECLARE c record;
            BEGIN
                FOR c IN SELECT conrelid::regclass AS tab, conname FROM pg_constraint
                    WHERE contype = 'f' AND connamespace = 'center'::regnamespace
                        AND conrelid <> 'center.uplink_batch'::regclass AND conrelid <> 'center.site_flag'::regclass
                LOOP
                    EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY DEFERRED', c.tab, c.conname);
                END LOOP;
            END $$
            """,
            """
            DO $$
            DECLARE c record;
            BEGIN
                SELECT conname INTO c FROM pg_constraint
                WHERE conrelid = 'center.inspection'::regclass AND contype = 'f'
                    AND conkey = ARRAY[(SELECT attnum FROM pg_attribute WHERE attrelid = 'center.inspection'::regclass
                        AND attname = 'site'), (SELECT attnum FROM pg_attribute
                        WHERE attrelid = 'center.inspection'::regclass AND attname = 'draw_row_id')]::smallint[];
                EXECUTE format('ALTER TABLE center.inspection DROP CONSTRAINT %I', c.conname);
            END $$
            """,
            """
            CREATE UNIQUE INDEX inspection_transition_status
            ON center.inspection_transition(site, inspection_row_id, status)
            """,
            "ALTER TABLE center.corrective_action_step DROP CONSTRAINT corrective_action_step_pkey",
            "ALTER TABLE center.corrective_action_step ADD PRIMARY KEY (site, action_row_id, step)",
            // Which sites lag or diverged: the newest batch and flag of each.
            "DROP VIEW reporting.sites",
            """
            CREATE VIEW reporting.sites AS
            SELECT s.name, s.record_id, s.added_at,
                (SELECT count(*) FROM center.office o WHERE o.site = s.record_id) AS offices,
                (SELECT count(*) FROM center.inspection i WHERE i.site = s.record_id) AS inspections,
                (SELECT count(*) FROM center.finding f WHERE f.site = s.record_id) AS finding_rows,
                (SELECT count(*) FROM center.divergent_finding d WHERE d.site = s.record_id) AS divergent_rows,
                b.received_at AS last_batch_at, b.finding_row_id AS last_finding, b.ledger_seq AS last_ledger_seq,
                fl.flagged_at, fl.reason AS flag_reason
            FROM center.site s
            LEFT JOIN LATERAL (
                SELECT received_at, finding_row_id, ledger_seq FROM center.uplink_batch u
                WHERE u.site = s.record_id ORDER BY batch DESC LIMIT 1
            ) b ON true
            LEFT JOIN LATERAL (
                SELECT flagged_at, reason FROM center.site_flag f WHERE f.site = s.record_id
                ORDER BY flagged_at LIMIT 1
            ) fl ON true
            """,
            "GRANT SELECT ON reporting.sites TO \(CentralRoles.reporting)",
        ]
        + ["uplink_batch", "site_flag", "divergent_finding"].flatMap { table in
            [
                "ALTER TABLE center.\(table) ENABLE ROW LEVEL SECURITY",
                """
                CREATE POLICY own_rows ON center.\(table) FOR ALL TO \(CentralRoles.sites)
                USING (site = center.current_site()) WITH CHECK (site = center.current_site())
                """,
                "GRANT SELECT, INSERT ON center.\(table) TO \(CentralRoles.sites)",
            ]
        }
}
