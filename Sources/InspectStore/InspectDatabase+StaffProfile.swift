import GRDB

extension InspectDatabase {
    /// Migration `v10-staff-profile`: people's level, title and qualifications, each change a row that is never
    /// edited or deleted, so the history is the table and a person's current values are its latest rows.
    ///
    /// The checks repeat, as the last guard, the ranges the service checks first with clear messages
    /// (`QualificationKind.levels`, `StaffLevel`, `InputLimits`); they are written out here so the migration stays
    /// as it shipped when those types change.
    static func createStaffProfile(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE staff_profile_change (
                    id INTEGER PRIMARY KEY,
                    staff_id INTEGER NOT NULL REFERENCES staff(id),
                    aspect TEXT NOT NULL CHECK (aspect IN ('level', 'title', 'education', 'political-theory',
                        'state-management', 'it', 'language')),
                    value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
                    field TEXT CHECK (field IS NULL OR length(field) BETWEEN 1 AND 200),
                    effective_on TEXT NOT NULL
                        CHECK (effective_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
                    evidence TEXT CHECK (evidence IS NULL OR length(evidence) BETWEEN 1 AND 200),
                    reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 2000),
                    recorded_by TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    CHECK (aspect <> 'level' OR value IN ('province', 'district', 'commune')),
                    CHECK ((aspect IN ('education', 'language')) = (field IS NOT NULL)),
                    CHECK (aspect IN ('level', 'title') OR evidence IS NOT NULL),
                    CHECK (aspect NOT IN ('level', 'title') OR reason IS NOT NULL)
                ) STRICT;
                CREATE INDEX staff_profile_change_staff ON staff_profile_change(staff_id, aspect, id);
                CREATE TRIGGER staff_profile_change_is_kept BEFORE UPDATE ON staff_profile_change
                BEGIN
                    SELECT RAISE(ABORT, 'profile changes are kept as recorded');
                END;
                CREATE TRIGGER staff_profile_change_is_not_deleted BEFORE DELETE ON staff_profile_change
                BEGIN
                    SELECT RAISE(ABORT, 'profile changes are kept');
                END;
                """)
        try Ledger.installTriggers(StoreTransaction(db), table: "staff_profile_change")
    }
}
