import GRDB

extension InspectDatabase {
    /// Migration `v14-classification`: the yearly classification's proposals (what the rules gave, with the facts
    /// they read, the reasons and the hash of the rules) and the council's decisions, each a row of its own. Both are
    /// kept as recorded (triggers refuse updates and deletes) and are in the ledger: proposing again under changed
    /// rules adds a proposal, a later decision supersedes an earlier one, and neither erases anything.
    ///
    /// The checks repeat, as the last guard, what the service checks first; they are written out here so the
    /// migration stays as it shipped when the Swift types change.
    static func createClassification(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE classification_proposal (
                    id INTEGER PRIMARY KEY,
                    year INTEGER NOT NULL CHECK (year BETWEEN 1970 AND 2099),
                    staff_id INTEGER NOT NULL REFERENCES staff(id),
                    level TEXT NOT NULL CHECK (level IN ('excellent', 'good', 'done', 'not-done')),
                    review INTEGER NOT NULL CHECK (review IN (0, 1)),
                    -- JSON: the rules that applied (ClassificationReason) and the year's facts they read.
                    reasons TEXT NOT NULL CHECK (json_valid(reasons)),
                    facts TEXT NOT NULL CHECK (json_valid(facts)),
                    rules_hash TEXT NOT NULL CHECK (length(rules_hash) = 64),
                    proposed_by TEXT NOT NULL,
                    proposed_at INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX classification_proposal_year ON classification_proposal(year, staff_id, id);

                CREATE TABLE classification_decision (
                    id INTEGER PRIMARY KEY,
                    year INTEGER NOT NULL CHECK (year BETWEEN 1970 AND 2099),
                    staff_id INTEGER NOT NULL REFERENCES staff(id),
                    proposal_id INTEGER NOT NULL REFERENCES classification_proposal(id),
                    level TEXT NOT NULL CHECK (level IN ('excellent', 'good', 'done', 'not-done')),
                    note TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
                    decided_by TEXT NOT NULL,
                    decided_at INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX classification_decision_year ON classification_decision(year, staff_id, id);
                """)
        for table in ["classification_proposal", "classification_decision"] {
            try db.execute(
                sql: """
                    CREATE TRIGGER \(table)_is_kept BEFORE UPDATE ON \(table)
                    BEGIN
                        SELECT RAISE(ABORT, 'classifications are kept as recorded: propose or decide again');
                    END;
                    CREATE TRIGGER \(table)_is_not_deleted BEFORE DELETE ON \(table)
                    BEGIN
                        SELECT RAISE(ABORT, 'classifications are kept');
                    END;
                    """)
            try Ledger.installTriggers(StoreTransaction(db), table: table)
        }
    }
}
