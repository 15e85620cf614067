import Foundation
import GRDB
import InspectCore
import InspectTesting
import Testing

@testable import InspectStore

@Suite("Opening the database")
struct DatabaseOpeningTests {
    @Test("a new file is created in WAL mode with foreign keys, the schema and the 14 violation types")
    func createsSchema() throws {
        let fixture = try StoreFixture()
        try fixture.database.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Int.fetchOne(db, sql: "PRAGMA foreign_keys") == 1)
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name")
            #expect(
                tables == [
                    "classification_decision", "classification_proposal", "corrective_action", "escalation",
                    "escalation_finding", "finding", "finding_chain_head",
                    "finding_lineage", "follow_up_draw", "inspection", "ledger", "ledger_head", "ledger_mark", "office",
                    "outbox", "record_identity", "staff", "staff_assignment", "staff_profile_change", "surprise_draw",
                    "test_result", "test_result_chain_head", "test_session", "training_attendance",
                    "training_completion", "training_course", "uplink_state", "violation_type",
                ])
            for table in tables where table != "sqlite_sequence" {
                let sql = try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table])
                #expect(sql?.hasSuffix("STRICT") == true, "\(table) is not STRICT")
            }
            let codes = try String.fetchAll(db, sql: "SELECT code FROM violation_type ORDER BY code")
            #expect(codes == ViolationType.defaults.map(\.code).sorted())
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM violation_type WHERE name_vi = ''") == 0)
        }
    }

    @Test("a new database's violation types are the shipped ones, field for field: violation list prints those")
    func violationTypesAreTheShippedOnes() throws {
        let fixture = try StoreFixture()
        let stored = try fixture.database.read { db in
            try ViolationTypeRecord.order(Column("code")).fetchAll(db).map(\.violationType)
        }
        #expect(stored == ViolationType.defaults.sorted { $0.code < $1.code })
    }

    @Test("opening twice migrates once and keeps the data")
    func reopening() throws {
        let fixture = try StoreFixture()
        try fixture.appendFindings(2)
        let again = try InspectDatabase.open(path: fixture.database.path, mode: .readWrite)
        #expect(try again.read { try FindingRecord.fetchCount($0) } == 2)
        let reader = try InspectDatabase.open(path: fixture.database.path, mode: .readOnly)
        #expect(try reader.read { try FindingRecord.fetchCount($0) } == 2)
    }

    @Test("a database from a newer inspectd is refused")
    func newerSchemaIsRefused() throws {
        let fixture = try StoreFixture()
        try fixture.database.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        for mode in [InspectDatabase.Mode.readWrite, .readOnly] {
            #expect(throws: InspectError.schemaTooNew(path: fixture.database.path)) {
                try InspectDatabase.open(path: fixture.database.path, mode: mode)
            }
        }
    }

    @Test("a database missing this inspectd's latest migration is not read until it is opened for writing")
    func olderSchemaIsNotRead() throws {
        let fixture = try StoreFixture()
        let latest = try #require(InspectDatabase.migrator.migrations.last)
        try fixture.database.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [latest])
        }
        #expect {
            try InspectDatabase.open(path: fixture.database.path, mode: .readOnly)
        } throws: { error in
            guard case .storage(_, let reason) = error as? InspectError else { return false }
            return reason.hasPrefix("its schema is older than this inspectd")
        }
    }

    @Test("reading a missing file says so instead of creating it")
    func readingMissingFile() {
        let directory = TemporaryDirectory()
        let path = directory.file("absent.db")
        #expect(throws: InspectError.notFound(kind: "database", key: path)) {
            try InspectDatabase.open(path: path, mode: .readOnly)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a missing directory cannot hold a new database")
    func missingDirectory() {
        #expect(
            throws: InspectError.cannotCreate(
                path: "/nonexistent-dir/x.db", reason: "directory /nonexistent-dir does not exist")
        ) {
            try InspectDatabase.open(path: "/nonexistent-dir/x.db", mode: .readWrite)
        }
    }

    @Test("a file that is not a database is reported, not overwritten")
    func notADatabase() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("notes.db", String(repeating: "not sqlite\n", count: 200))
        #expect(throws: InspectError.integrity("database \(path) is not a valid inspectd database or is corrupt")) {
            try InspectDatabase.open(path: path, mode: .readWrite)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("not sqlite"))
    }
}

@Suite("The ledger covers the record")
struct LedgerCoverageTests {
    @Test("every table is in the ledger or exempt from it, and every column of a ledger table is in its entries")
    func coverage() throws {
        let fixture = try StoreFixture()
        try fixture.database.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            let unknown = Set(tables).subtracting(Ledger.tables).subtracting(Ledger.exempt)
            #expect(unknown.isEmpty, "neither in Ledger.tables nor exempt: \(unknown.sorted())")
            for table in Ledger.tables {
                let columns = try String.fetchAll(
                    db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                let trigger =
                    try String.fetchOne(
                        db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                        arguments: ["ledger_\(table)_insert"]) ?? ""
                for column in columns {
                    #expect(
                        trigger.contains("'\(column)', NEW.\"\(column)\""), "\(table).\(column) is not in its entries")
                }
            }
        }
    }
}

@Suite("Durable commits")
struct DurableCommitTests {
    /// SQLite's `PRAGMA synchronous` level 2: the write-ahead log is flushed to disk on every commit.
    static let full = 2

    @Test(
        "every way of opening a database for writing flushes each commit to disk, before and after a write that is not",
        arguments: InspectDatabase.Connections.allCases)
    func writerFlushesEveryCommit(connections: InspectDatabase.Connections) throws {
        let directory = TemporaryDirectory()
        let database = try InspectDatabase.open(
            path: directory.file("inspectd.db"), mode: .readWrite, connections: connections)
        let synchronous = { try database.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } }
        #expect(try synchronous() == Self.full)
        let unflushed = try database.writeUnflushed { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(unflushed == 1)
        #expect(try synchronous() == Self.full)
        let reopened = try InspectDatabase.open(
            path: directory.file("inspectd.db"), mode: .readWrite, connections: connections)
        #expect(try reopened.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == Self.full)
    }
}
