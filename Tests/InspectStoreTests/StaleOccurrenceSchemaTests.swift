import GRDB
import InspectCore
import InspectTesting
import Testing

@testable import InspectStore

/// The `v8-stale-occurrences` migration: which cancelled planned occurrences may be scheduled again.
@Suite("Stale occurrences schema")
struct StaleOccurrenceSchemaTests {
    @Test("a v7 database keeps administrators' cancellations in the occurrence index and lets stale ones go")
    func backfill() throws {
        // Given a v7 database with one occurrence cancelled by an administrator and one cancelled by inspectd as stale
        let directory = TemporaryDirectory()
        let path = directory.file("old.db")
        let queue = try DatabaseQueue(path: path)
        try InspectDatabase.migrator.migrate(queue, upTo: "v7-finding-corrected-at")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO office (code, name, kind, created_at) VALUES ('X', 'X', 'department', 0);
                    INSERT INTO inspection
                        (id, office_id, kind, status, plan, due_at, cancel_reason, closed_by, created_at, created_by)
                    VALUES
                        (1, 1, 'planned', 'cancelled', 'monthly', 1000, 'the office moves', 'nga', 0, 'inspectd'),
                        (2, 1, 'planned', 'cancelled', 'monthly', 2000, 'plan monthly no longer calls for it',
                            'inspectd', 0, 'inspectd'),
                        (3, 1, 'planned', 'cancelled', 'weekly', 2000, 'plan weekly was removed', 'inspectd', 0,
                            'inspectd');
                    """)
        }
        try queue.close()
        // When inspectd opens it
        let database = try InspectDatabase.open(path: path, mode: .readWrite)
        // Then the stale ones are marked, and only they leave room for the same occurrence to be scheduled again
        let stale = try database.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM inspection WHERE stale = 1 ORDER BY id")
        }
        #expect(stale == [2, 3])
        func schedule(_ plan: String, at due: Int64) throws {
            try database.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO inspection (office_id, kind, status, plan, due_at, created_at, created_by)
                        VALUES (1, 'planned', 'scheduled', ?, ?, 0, 'inspectd')
                        """,
                    arguments: [plan, due])
            }
        }
        try schedule("monthly", at: 2000)
        try schedule("weekly", at: 2000)
        let taken = InspectError.conflict(
            "UNIQUE constraint failed: inspection.plan, inspection.office_id, inspection.due_at")
        #expect(throws: taken) { try schedule("monthly", at: 1000) }
        #expect(throws: taken) { try schedule("monthly", at: 2000) }
    }

    @Test("only a cancelled planned inspection can be stale")
    func staleIsCancelledPlanned() throws {
        let fixture = try StoreFixture()
        #expect(
            throws: InspectError.conflict(
                "CHECK constraint failed: stale = 0 OR (stale = 1 AND kind = 'planned' AND status = 'cancelled')")
        ) {
            try fixture.database.write { db in
                try db.execute(sql: "UPDATE inspection SET stale = 1 WHERE id = ?", arguments: [fixture.inspectionID])
            }
        }
    }
}
