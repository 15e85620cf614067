import GRDB

extension InspectDatabase {
    /// Migration `v11-uplink`: what the uplink to a center needs to send the record's facts in the order they were
    /// committed, and to say how far it has got.
    ///
    /// Findings and ledger entries are numbered apart, so each new ledger entry notes how many findings existed when
    /// it was written (`ledger_mark`): an entry comes after every finding up to that id and before the next. Entries
    /// written before this migration have no mark and come first. `uplink_state` is the site's copy of the center's
    /// cursor and the last outcome, for `inspectctl uplink status`; the center's copy decides what is sent.
    static func createUplink(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE ledger_mark (
                    seq INTEGER PRIMARY KEY REFERENCES ledger(seq),
                    findings_before INTEGER NOT NULL,
                    written_at INTEGER NOT NULL
                ) STRICT;
                CREATE TRIGGER ledger_marks_its_place AFTER INSERT ON ledger
                BEGIN
                    INSERT INTO ledger_mark (seq, findings_before, written_at)
                    VALUES (NEW.seq, (SELECT coalesce(max(id), 0) FROM finding), unixepoch());
                END;

                CREATE TABLE uplink_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    ledger_seq INTEGER NOT NULL DEFAULT 0,
                    finding_id INTEGER NOT NULL DEFAULT 0,
                    facts_sent INTEGER NOT NULL DEFAULT 0,
                    last_success_at INTEGER,
                    last_error TEXT,
                    last_error_at INTEGER,
                    diverged TEXT
                ) STRICT;
                """)
    }
}
