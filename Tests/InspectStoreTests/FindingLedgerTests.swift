import GRDB
import InspectCore
import InspectTesting
import Testing

@testable import InspectStore

@Suite("Findings ledger")
struct FindingLedgerTests {
    @Test("appended findings link into a chain that verifies, and the head follows")
    func appendAndVerify() throws {
        let fixture = try StoreFixture()
        try fixture.appendFindings(5)
        try fixture.database.read { db in
            let verification = try FindingLedger.verify(StoreTransaction(db))
            #expect(verification == .init(rows: 5, firstBreak: nil))
            let head = try FindingLedger.head(StoreTransaction(db))
            #expect(head.lastID == 5)
            #expect(head.count == 5)
            let last = try FindingRecord.fetchOne(db, key: 5)
            #expect(head.lastHash == last?.hash)
            #expect(try FindingRecord.fetchOne(db, key: 1)?.prevHash == FindingChain.genesis)
        }
    }

    @Test("the database refuses updates and deletes of findings")
    func appendOnly() throws {
        let fixture = try StoreFixture()
        try fixture.appendFindings(1)
        for (sql, message) in [
            ("UPDATE finding SET note = 'x'", "findings are append-only: amend or retract instead"),
            ("DELETE FROM finding", "findings are append-only: retract instead"),
        ] {
            let refused = #expect(throws: DatabaseError.self) {
                try fixture.database.writer.write { try $0.execute(sql: sql) }
            }
            #expect(refused?.message == message)
        }
        #expect(try fixture.database.readTransaction { try FindingLedger.verify($0).firstBreak } == nil)
    }

    @Test("a row that does not link to the head is refused")
    func unlinkedInsertIsRefused() throws {
        let fixture = try StoreFixture()
        try fixture.appendFindings(1)
        let refused = #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write { db in
                var stray = fixture.draft(note: "stray")
                stray.id = 2
                try FindingRecord(FindingChain.linked(stray, after: FindingChain.genesis)).insert(db)
            }
        }
        #expect(refused?.message == "finding does not link to the head of the chain")
    }

    @Test(
        "tampering with the sqlite3 tool is found at the first bad row",
        arguments: [
            ("UPDATE finding SET note = 'changed' WHERE id = 3", Int64(3), "edited"),
            ("UPDATE finding SET recorded_by = 'someone' WHERE id = 2", 2, "edited"),
            ("DELETE FROM finding WHERE id = 2", 3, "prev_hash"),
            ("DELETE FROM finding WHERE id = 5", 5, "chain head"),
            ("UPDATE finding SET clock_time = 'garbage' WHERE id = 4", 4, "never writes"),
        ])
    func tampering(sql: String, row: Int64, reason: String) throws {
        let fixture = try StoreFixture()
        try fixture.appendFindings(5)
        try fixture.tamper(sql)
        let found = try fixture.database.readTransaction { try FindingLedger.verify($0).firstBreak }
        #expect(found?.row == row)
        #expect(found?.reason.contains(reason) == true, "\(found?.reason ?? "no break")")
    }

    @Test("after the last row is deleted, the next append is refused until the chain is repaired")
    func appendAfterDeletedTail() throws {
        let fixture = try StoreFixture()
        try fixture.appendFindings(3)
        try fixture.tamper("DELETE FROM finding WHERE id = 3")
        // The head still names row 3's hash, so a new row 3 links to it and is accepted; verify then names it.
        try fixture.appendFindings(1)
        let found = try fixture.database.readTransaction { try FindingLedger.verify($0).firstBreak }
        #expect(found?.row == 3)
    }
}
