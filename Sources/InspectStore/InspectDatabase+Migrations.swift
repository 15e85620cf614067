import GRDB
import InspectCore

extension InspectDatabase {
    /// The schema's history.
    ///
    /// - Important: A migration is never edited once it has shipped: databases in the field have run it. Change the
    ///   schema by adding a migration. Migrations are plain SQL so they do not change when Swift types do.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation", migrate: createFoundation)
        migrator.registerMigration("v2-planning", migrate: createPlanning)
        migrator.registerMigration("v3-discipline", migrate: createDiscipline)
        migrator.registerMigration("v4-report-indexes", migrate: createReportIndexes)
        migrator.registerMigration("v5-record-identity", migrate: createRecordIdentity)
        migrator.registerMigration("v6-staff-login", migrate: createStaffLogin)
        migrator.registerMigration("v7-finding-corrected-at", migrate: createFindingCorrectedAt)
        migrator.registerMigration("v8-stale-occurrences", migrate: createStaleOccurrences)
        migrator.registerMigration("v9-ledger", migrate: createLedger)
        migrator.registerMigration("v10-staff-profile", migrate: createStaffProfile)
        migrator.registerMigration("v11-uplink", migrate: createUplink)
        migrator.registerMigration("v12-training", migrate: createTraining)
        migrator.registerMigration("v13-competency-tests", migrate: createCompetencyTests)
        migrator.registerMigration("v14-classification", migrate: createClassification)
        return migrator
    }

    /// Offices, staff with their office history, violation types, inspections, the hash-chained findings and the
    /// event outbox. Instants are Unix seconds (UTC); every table is STRICT.
    private static func createFoundation(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE office (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    parent_id INTEGER REFERENCES office(id),
                    kind TEXT NOT NULL
                        CHECK (kind IN ('district', 'department', 'commune', 'town', 'agency', 'unit')),
                    hours_profile TEXT NOT NULL DEFAULT 'default',
                    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                    created_at INTEGER NOT NULL,
                    retired_at INTEGER
                ) STRICT;
                CREATE INDEX office_parent ON office(parent_id);

                CREATE TABLE staff (
                    id INTEGER PRIMARY KEY,
                    badge TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    office_id INTEGER NOT NULL REFERENCES office(id),
                    title TEXT,
                    category TEXT NOT NULL CHECK (category IN ('cadre', 'civil-servant', 'public-employee')),
                    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                    created_at INTEGER NOT NULL,
                    retired_at INTEGER
                ) STRICT;
                CREATE INDEX staff_office ON staff(office_id);

                -- Where each person worked and when: a move ends one row and starts the next.
                CREATE TABLE staff_assignment (
                    id INTEGER PRIMARY KEY,
                    staff_id INTEGER NOT NULL REFERENCES staff(id),
                    office_id INTEGER NOT NULL REFERENCES office(id),
                    started_at INTEGER NOT NULL,
                    ended_at INTEGER,
                    recorded_by TEXT NOT NULL
                ) STRICT;
                CREATE INDEX staff_assignment_staff ON staff_assignment(staff_id, started_at);

                CREATE TABLE violation_type (
                    code TEXT PRIMARY KEY,
                    name_en TEXT NOT NULL,
                    name_vi TEXT NOT NULL,
                    legal_basis TEXT NOT NULL,
                    severity TEXT NOT NULL CHECK (severity IN ('minor', 'moderate', 'serious')),
                    measure TEXT CHECK (measure IN ('arrival', 'departure'))
                ) STRICT;

                CREATE TABLE inspection (
                    id INTEGER PRIMARY KEY,
                    office_id INTEGER NOT NULL REFERENCES office(id),
                    kind TEXT NOT NULL CHECK (kind IN ('planned', 'surprise', 'follow-up', 'ad-hoc')),
                    status TEXT NOT NULL
                        CHECK (status IN ('scheduled', 'due', 'open', 'closed', 'missed', 'cancelled')),
                    plan TEXT,
                    due_at INTEGER,
                    window_end INTEGER,
                    team TEXT,
                    opened_at INTEGER,
                    opened_by TEXT,
                    closed_at INTEGER,
                    closed_by TEXT,
                    checked INTEGER CHECK (checked IS NULL OR checked >= 0),
                    cancel_reason TEXT,
                    created_at INTEGER NOT NULL,
                    created_by TEXT NOT NULL
                ) STRICT;
                CREATE INDEX inspection_office ON inspection(office_id, status);
                CREATE INDEX inspection_status_due ON inspection(status, due_at);

                -- Append-only and hash-chained (see FindingChain): corrections are new rows.
                CREATE TABLE finding (
                    id INTEGER PRIMARY KEY,
                    inspection_id INTEGER NOT NULL REFERENCES inspection(id),
                    violation TEXT NOT NULL REFERENCES violation_type(code),
                    staff_badge TEXT REFERENCES staff(badge),
                    observed_at INTEGER NOT NULL,
                    clock_time TEXT,
                    minutes INTEGER,
                    note TEXT,
                    recorded_by TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    action TEXT NOT NULL CHECK (action IN ('record', 'amend', 'retract')),
                    corrects_id INTEGER REFERENCES finding(id),
                    reason TEXT,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    CHECK ((action = 'record') = (corrects_id IS NULL)),
                    CHECK (action = 'record' OR reason IS NOT NULL)
                ) STRICT;
                CREATE INDEX finding_inspection ON finding(inspection_id);
                CREATE INDEX finding_staff ON finding(staff_badge) WHERE staff_badge IS NOT NULL;
                -- A row is corrected at most once, so every finding's history is a single line.
                CREATE UNIQUE INDEX finding_corrects ON finding(corrects_id) WHERE corrects_id IS NOT NULL;

                -- The last link of the chain, kept by triggers so no writer can forget it; `verify` compares it with
                -- the table to notice rows deleted from the end.
                CREATE TABLE finding_chain_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    last_id INTEGER,
                    last_hash TEXT NOT NULL,
                    count INTEGER NOT NULL
                ) STRICT;
                INSERT INTO finding_chain_head (id, last_id, last_hash, count)
                    VALUES (1, NULL, '\(FindingChain.genesis)', 0);

                CREATE TRIGGER finding_links_to_head BEFORE INSERT ON finding
                WHEN NEW.prev_hash IS NOT (SELECT last_hash FROM finding_chain_head WHERE id = 1)
                BEGIN
                    SELECT RAISE(ABORT, 'finding does not link to the head of the chain');
                END;
                CREATE TRIGGER finding_advances_head AFTER INSERT ON finding
                BEGIN
                    UPDATE finding_chain_head SET last_id = NEW.id, last_hash = NEW.hash, count = count + 1
                    WHERE id = 1;
                END;
                CREATE TRIGGER finding_is_not_updated BEFORE UPDATE ON finding
                BEGIN
                    SELECT RAISE(ABORT, 'findings are append-only: amend or retract instead');
                END;
                CREATE TRIGGER finding_is_not_deleted BEFORE DELETE ON finding
                BEGIN
                    SELECT RAISE(ABORT, 'findings are append-only: retract instead');
                END;

                -- Events waiting for the journal, written in the same transaction as the fact they report.
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    priority INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 7),
                    message TEXT NOT NULL,
                    fields TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    claimed_by TEXT,
                    claimed_at INTEGER,
                    sent_at INTEGER
                ) STRICT;
                CREATE INDEX outbox_pending ON outbox(id) WHERE sent_at IS NULL;
                """)
        // Seeded from the defaults shipped with this version; /etc/inspectd/violations.conf may refine them later.
        for type in ViolationType.defaults {
            try db.execute(
                sql: """
                    INSERT INTO violation_type (code, name_en, name_vi, legal_basis, severity, measure)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    type.code, type.nameEN, type.nameVI, type.legalBasis, type.severity.rawValue,
                    type.measure?.rawValue,
                ])
        }
    }

    /// Surprise draws (commitment, secret seed, inputs and drafts) and the link from a surprise inspection to its
    /// draw; planned occurrences are unique per plan, office and due instant, so putting them on the schedule again
    /// adds nothing twice.
    private static func createPlanning(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE surprise_draw (
                    id INTEGER PRIMARY KEY,
                    plan TEXT NOT NULL,
                    period TEXT NOT NULL,
                    period_start INTEGER NOT NULL,
                    period_end INTEGER NOT NULL,
                    commitment TEXT NOT NULL,
                    seed TEXT NOT NULL,
                    inputs TEXT NOT NULL,
                    drafts TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    revealed_at INTEGER,
                    UNIQUE (plan, period)
                ) STRICT;
                CREATE INDEX surprise_draw_unrevealed ON surprise_draw(period_end) WHERE revealed_at IS NULL;

                ALTER TABLE inspection ADD COLUMN draw_id INTEGER REFERENCES surprise_draw(id);
                CREATE INDEX inspection_draw ON inspection(draw_id) WHERE draw_id IS NOT NULL;
                CREATE UNIQUE INDEX inspection_planned_occurrence ON inspection(plan, office_id, due_at)
                    WHERE kind = 'planned';
                """)
    }

    /// Escalations with the findings each counted, follow-up inspections with their commit–reveal draws, corrective
    /// actions, and each finding row's lineage (the row that first recorded the finding), which lets escalations and
    /// actions follow a finding through its amendments.
    private static func createDiscipline(_ db: Database) throws {
        try db.execute(
            sql: """
                -- Every finding row with the row that first recorded its finding: itself for a record, the corrected
                -- row's root for an amendment or retraction. Derived from the findings, kept by a trigger (filled here
                -- for existing rows), and without foreign keys: the hash chain, not this index, proves the record.
                CREATE TABLE finding_lineage (
                    finding_id INTEGER PRIMARY KEY,
                    root_id INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX finding_lineage_root ON finding_lineage(root_id);
                WITH RECURSIVE lineage(finding_id, root_id) AS (
                    SELECT id, id FROM finding WHERE corrects_id IS NULL
                    UNION ALL
                    SELECT f.id, l.root_id FROM finding f JOIN lineage l ON f.corrects_id = l.finding_id
                )
                INSERT INTO finding_lineage (finding_id, root_id) SELECT finding_id, root_id FROM lineage;
                CREATE TRIGGER finding_keeps_lineage AFTER INSERT ON finding
                BEGIN
                    INSERT OR REPLACE INTO finding_lineage (finding_id, root_id) VALUES (
                        NEW.id,
                        CASE WHEN NEW.corrects_id IS NULL THEN NEW.id
                        ELSE (SELECT root_id FROM finding_lineage WHERE finding_id = NEW.corrects_id) END);
                END;

                -- A rule's escalation about one subject. Its key is (rule, subject, first finding counted); the
                -- findings it counted are in escalation_finding, each at most once per rule and subject, so
                -- evaluating again never raises twice. Never deleted: a retracted finding leaves it standing.
                CREATE TABLE escalation (
                    id INTEGER PRIMARY KEY,
                    rule TEXT NOT NULL,
                    level TEXT NOT NULL CHECK (level IN ('reminder', 'correction', 'referral')),
                    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('staff', 'office')),
                    subject TEXT NOT NULL,
                    threshold INTEGER NOT NULL CHECK (threshold >= 1),
                    window_size INTEGER NOT NULL CHECK (window_size >= 1),
                    window_unit TEXT NOT NULL CHECK (window_unit IN ('days', 'working-days')),
                    first_day TEXT NOT NULL,
                    last_day TEXT NOT NULL,
                    count INTEGER NOT NULL CHECK (count >= threshold),
                    anchor_id INTEGER NOT NULL REFERENCES finding(id),
                    trigger_id INTEGER NOT NULL REFERENCES finding(id),
                    raised_at INTEGER NOT NULL,
                    raised_by TEXT NOT NULL,
                    acknowledged_at INTEGER,
                    acknowledged_by TEXT,
                    note TEXT,
                    CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
                    UNIQUE (rule, subject_kind, subject, anchor_id)
                ) STRICT;
                CREATE INDEX escalation_subject ON escalation(subject_kind, subject);
                CREATE INDEX escalation_open ON escalation(raised_at) WHERE acknowledged_at IS NULL;
                CREATE TRIGGER escalation_is_not_deleted BEFORE DELETE ON escalation
                BEGIN
                    SELECT RAISE(ABORT, 'escalations are kept: acknowledge instead');
                END;
                CREATE TRIGGER escalation_keeps_its_facts BEFORE UPDATE ON escalation
                WHEN NEW.rule IS NOT OLD.rule OR NEW.level IS NOT OLD.level OR NEW.subject IS NOT OLD.subject
                    OR NEW.subject_kind IS NOT OLD.subject_kind OR NEW.count IS NOT OLD.count
                    OR NEW.anchor_id IS NOT OLD.anchor_id OR NEW.raised_at IS NOT OLD.raised_at
                    OR OLD.acknowledged_at IS NOT NULL
                BEGIN
                    SELECT RAISE(ABORT, 'an escalation only changes when it is acknowledged, once');
                END;

                CREATE TABLE escalation_finding (
                    escalation_id INTEGER NOT NULL REFERENCES escalation(id),
                    rule TEXT NOT NULL,
                    subject_kind TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    finding_id INTEGER NOT NULL REFERENCES finding(id),
                    PRIMARY KEY (escalation_id, finding_id),
                    UNIQUE (rule, subject_kind, subject, finding_id)
                ) STRICT;
                CREATE INDEX escalation_finding_finding ON escalation_finding(finding_id);

                -- A follow-up inspection's draw: the commitment published when it was scheduled, the seed kept
                -- secret until it is no longer scheduled, the inputs to replay it.
                ALTER TABLE inspection ADD COLUMN follows_id INTEGER REFERENCES inspection(id);
                CREATE INDEX inspection_follows ON inspection(follows_id) WHERE follows_id IS NOT NULL;
                CREATE TABLE follow_up_draw (
                    id INTEGER PRIMARY KEY,
                    inspection_id INTEGER NOT NULL UNIQUE REFERENCES inspection(id),
                    follows_id INTEGER NOT NULL UNIQUE REFERENCES inspection(id),
                    commitment TEXT NOT NULL,
                    seed TEXT NOT NULL,
                    inputs TEXT NOT NULL,
                    due_at INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    revealed_at INTEGER
                ) STRICT;

                -- What a finding requires to be put right: one action per finding, open -> done -> verified, each
                -- step with who and when.
                CREATE TABLE corrective_action (
                    id INTEGER PRIMARY KEY,
                    finding_id INTEGER NOT NULL UNIQUE REFERENCES finding(id),
                    requirement TEXT NOT NULL,
                    due_date TEXT NOT NULL,
                    due_at INTEGER NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'verified')),
                    required_by TEXT NOT NULL,
                    required_at INTEGER NOT NULL,
                    done_by TEXT,
                    done_at INTEGER,
                    done_note TEXT,
                    verified_by TEXT,
                    verified_at INTEGER,
                    verified_note TEXT,
                    overdue_at INTEGER,
                    CHECK ((status = 'open') = (done_at IS NULL)),
                    CHECK ((status = 'verified') = (verified_at IS NOT NULL))
                ) STRICT;
                CREATE INDEX corrective_action_open ON corrective_action(due_at)
                    WHERE status = 'open' AND overdue_at IS NULL;
                CREATE TRIGGER corrective_action_is_not_deleted BEFORE DELETE ON corrective_action
                BEGIN
                    SELECT RAISE(ABORT, 'corrective actions are kept');
                END;
                """)
    }

    /// What the summary report reads, indexed so that it never visits a finding's row (hashes and notes make rows
    /// long): inspections by their reference time (the expression reports and listings filter on), and findings by
    /// inspection with every column the report counts. The report then reads a period's findings from one narrow
    /// index.
    private static func createReportIndexes(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX inspection_reference ON inspection(coalesce(opened_at, due_at, created_at));
                CREATE INDEX finding_report ON finding(inspection_id, violation, action, staff_badge);
                """)
    }

    /// A random name for this record, sent with every journal entry as `INSPECTD_RECORD`: event ids are outbox row ids,
    /// which every database numbers from 1, so a search of the journal for an event must also name the record.
    private static func createRecordIdentity(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE record_identity (
                    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                    id TEXT NOT NULL
                ) STRICT;
                INSERT INTO record_identity (singleton, id) VALUES (1, lower(hex(randomblob(16))));
                """)
    }

    /// The Unix login a person uses, so that a user outside the inspectd groups can read their own record (and only
    /// theirs). Optional: most staff never log in to the district's machines.
    private static func createStaffLogin(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE staff ADD COLUMN login TEXT;
                CREATE UNIQUE INDEX staff_login ON staff(login) WHERE login IS NOT NULL;
                """)
    }

    /// When a correction was made, when its recorder gives a time other than the moment of writing it (a round
    /// written up after the visit). Only corrections have one.
    private static func createFindingCorrectedAt(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE finding ADD COLUMN corrected_at INTEGER CHECK (corrected_at IS NULL OR action <> 'record');
                """)
    }

    /// Which cancelled planned inspections inspectd cancelled itself because their plan no longer called for them.
    /// Such an occurrence may come back when the plan is edited back, so it no longer holds its place in the unique
    /// index of occurrences; one an administrator cancelled keeps it, so applying the plans never schedules it again.
    /// Before, every cancelled occurrence held its place while the scheduler no longer counted it as present: it tried
    /// to schedule it again and failed on the index, and with it every later application of the plans.
    private static func createStaleOccurrences(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE inspection ADD COLUMN stale INTEGER NOT NULL DEFAULT 0
                    CHECK (stale = 0 OR (stale = 1 AND kind = 'planned' AND status = 'cancelled'));
                UPDATE inspection SET stale = 1
                WHERE kind = 'planned' AND status = 'cancelled' AND closed_by = 'inspectd'
                    AND (cancel_reason LIKE 'plan % no longer calls for it' OR cancel_reason LIKE 'plan % was removed');
                DROP INDEX inspection_planned_occurrence;
                CREATE UNIQUE INDEX inspection_planned_occurrence ON inspection(plan, office_id, due_at)
                    WHERE kind = 'planned' AND stale = 0;
                """)
    }

    /// The ledger of every change to the tables other than findings (see `Ledger`), begun with one entry per
    /// existing row; and the surprise inspections still waiting moved to the secret id range (`InspectionIDs`), so
    /// no id readers see is taken by one from now on.
    private static func createLedger(_ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE inspection SET id = id + \(InspectionIDs.secretBase)
                WHERE kind = 'surprise' AND status = 'scheduled' AND id < \(InspectionIDs.secretBase);

                -- One entry per change: the row after it (NULL when deleted), the event that reported it, and the
                -- MAC chaining it to the entry before (LedgerChain). Sealed once, never changed or deleted.
                CREATE TABLE ledger (
                    seq INTEGER PRIMARY KEY,
                    table_name TEXT NOT NULL,
                    row_key TEXT NOT NULL,
                    snapshot TEXT,
                    event_id INTEGER,
                    prev_mac TEXT,
                    mac TEXT
                ) STRICT;
                CREATE INDEX ledger_row ON ledger(table_name, row_key);
                CREATE INDEX ledger_unsealed ON ledger(seq) WHERE mac IS NULL;
                CREATE TRIGGER ledger_is_sealed_once BEFORE UPDATE ON ledger WHEN OLD.mac IS NOT NULL
                BEGIN
                    SELECT RAISE(ABORT, 'ledger entries are kept as sealed');
                END;
                CREATE TRIGGER ledger_is_not_deleted BEFORE DELETE ON ledger
                BEGIN
                    SELECT RAISE(ABORT, 'ledger entries are kept');
                END;

                -- The key of the ledger's MACs (the record's own, random) and the end of the chain.
                CREATE TABLE ledger_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    key TEXT NOT NULL,
                    last_seq INTEGER,
                    last_mac TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    genesis_seq INTEGER
                ) STRICT;
                INSERT INTO ledger_head (id, key, last_seq, last_mac, count)
                    VALUES (1, lower(hex(randomblob(32))), NULL, '\(LedgerChain.genesis)', 0);
                """)
        let transaction = StoreTransaction(db)
        for table in Ledger.foundingTables {
            let (columns, key) = try Ledger.shape(transaction, table: table)
            try db.execute(
                sql: """
                    INSERT INTO ledger (table_name, row_key, snapshot)
                    SELECT '\(table)', \(key("")), \(Ledger.snapshot(columns: columns, prefix: "")) FROM "\(table)"
                    """)
            try Ledger.installTriggers(transaction, table: table)
        }
        try Ledger.seal(transaction, event: nil)
        try db.execute(sql: "UPDATE ledger_head SET genesis_seq = last_seq")
    }
}
