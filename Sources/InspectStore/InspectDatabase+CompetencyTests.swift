import GRDB
import InspectCore

extension InspectDatabase {
    /// Migration `v13-competency-tests`: test sessions (in the ledger; the offices sitting one are kept by code, as
    /// people name them, and checked to exist when it is planned) and their results, hash-chained like findings
    /// (`TestResultChain`) with a head row kept by triggers, never edited or deleted: a correction is a new result
    /// that amends the old one.
    ///
    /// Scores are stored in tenths (0 to 1000); the checks repeat, as the last guard, what the service checks first.
    static func createCompetencyTests(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE test_session (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                    held_on TEXT NOT NULL CHECK (held_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
                    -- The codes of the titles tested and of the offices sitting it, comma-separated.
                    titles TEXT NOT NULL CHECK (length(titles) >= 1),
                    offices TEXT NOT NULL CHECK (length(offices) >= 1),
                    planned_by TEXT NOT NULL,
                    planned_at INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX test_session_held_on ON test_session(held_on);

                CREATE TABLE test_result (
                    id INTEGER PRIMARY KEY,
                    session_id INTEGER NOT NULL REFERENCES test_session(id),
                    staff_id INTEGER NOT NULL REFERENCES staff(id),
                    title TEXT NOT NULL,
                    office_id INTEGER NOT NULL REFERENCES office(id),
                    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 1000),
                    amends INTEGER UNIQUE REFERENCES test_result(id),
                    reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 2000),
                    recorded_by TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    CHECK ((amends IS NULL) = (reason IS NULL))
                ) STRICT;
                -- One first result per person and session; later ones amend it.
                CREATE UNIQUE INDEX test_result_first ON test_result(session_id, staff_id) WHERE amends IS NULL;
                CREATE INDEX test_result_session ON test_result(session_id, staff_id);

                CREATE TABLE test_result_chain_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    last_id INTEGER,
                    last_hash TEXT NOT NULL,
                    count INTEGER NOT NULL
                ) STRICT;
                INSERT INTO test_result_chain_head (id, last_id, last_hash, count)
                    VALUES (1, NULL, '\(TestResultChain.genesis)', 0);

                CREATE TRIGGER test_result_links_to_head BEFORE INSERT ON test_result
                WHEN NEW.prev_hash IS NOT (SELECT last_hash FROM test_result_chain_head WHERE id = 1)
                BEGIN
                    SELECT RAISE(ABORT, 'test result does not link to the head of the chain');
                END;
                CREATE TRIGGER test_result_advances_head AFTER INSERT ON test_result
                BEGIN
                    UPDATE test_result_chain_head SET last_id = NEW.id, last_hash = NEW.hash, count = count + 1
                    WHERE id = 1;
                END;
                CREATE TRIGGER test_result_is_not_updated BEFORE UPDATE ON test_result
                BEGIN
                    SELECT RAISE(ABORT, 'test results are append-only: amend instead');
                END;
                CREATE TRIGGER test_result_is_not_deleted BEFORE DELETE ON test_result
                BEGIN
                    SELECT RAISE(ABORT, 'test results are append-only: amend instead');
                END;
                """)
        try db.execute(
            sql: """
                CREATE TRIGGER test_session_is_kept BEFORE UPDATE ON test_session
                BEGIN
                    SELECT RAISE(ABORT, 'test sessions are kept as planned');
                END;
                CREATE TRIGGER test_session_is_not_deleted BEFORE DELETE ON test_session
                BEGIN
                    SELECT RAISE(ABORT, 'test sessions are kept');
                END;
                """)
        try Ledger.installTriggers(StoreTransaction(db), table: "test_session")
    }
}
