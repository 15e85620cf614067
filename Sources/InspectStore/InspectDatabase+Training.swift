import GRDB

extension InspectDatabase {
    /// Migration `v12-training`: courses, who attended each and who completed it. Every row is kept as recorded
    /// (triggers refuse updates and deletes) and is in the ledger, so the history of a person's training is the
    /// tables themselves.
    ///
    /// The checks repeat, as the last guard, what `Course.validated()` checks first with clear messages; they are
    /// written out here so the migration stays as it shipped when that type changes.
    static func createTraining(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE training_course (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
                    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                    kind TEXT NOT NULL CHECK (kind IN ('degree', 'short-course')),
                    level TEXT CHECK (level IS NULL OR length(level) BETWEEN 1 AND 200),
                    field TEXT NOT NULL CHECK (length(field) BETWEEN 1 AND 200),
                    provider TEXT NOT NULL CHECK (length(provider) BETWEEN 1 AND 200),
                    starts_on TEXT NOT NULL CHECK (starts_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
                    ends_on TEXT NOT NULL CHECK (ends_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
                    recorded_by TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    CHECK ((kind = 'degree') = (level IS NOT NULL)),
                    CHECK (starts_on <= ends_on)
                ) STRICT;
                CREATE INDEX training_course_starts ON training_course(starts_on);

                CREATE TABLE training_attendance (
                    id INTEGER PRIMARY KEY,
                    course_id INTEGER NOT NULL REFERENCES training_course(id),
                    staff_id INTEGER NOT NULL REFERENCES staff(id),
                    recorded_by TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    UNIQUE (course_id, staff_id)
                ) STRICT;
                CREATE INDEX training_attendance_staff ON training_attendance(staff_id);

                CREATE TABLE training_completion (
                    id INTEGER PRIMARY KEY,
                    attendance_id INTEGER NOT NULL UNIQUE REFERENCES training_attendance(id),
                    completed_on TEXT NOT NULL
                        CHECK (completed_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
                    evidence TEXT NOT NULL CHECK (length(evidence) BETWEEN 1 AND 200),
                    recorded_by TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL
                ) STRICT;
                """)
        for table in ["training_course", "training_attendance", "training_completion"] {
            try db.execute(
                sql: """
                    CREATE TRIGGER \(table)_is_kept BEFORE UPDATE ON \(table)
                    BEGIN
                        SELECT RAISE(ABORT, 'training records are kept as recorded');
                    END;
                    CREATE TRIGGER \(table)_is_not_deleted BEFORE DELETE ON \(table)
                    BEGIN
                        SELECT RAISE(ABORT, 'training records are kept');
                    END;
                    """)
            try Ledger.installTriggers(StoreTransaction(db), table: table)
        }
    }
}
