import GRDB
import InspectCore
import Testing

@testable import InspectStore

/// Training rows and test sessions are kept as recorded, in the ledger; test results are a hash chain of their own
/// that `verify` checks: an edited result, a deleted one and results cut from the end are each named.
@Suite struct CompetencySchemaTests {
    /// A person at the fixture's office, a course they attend and complete, a session with three results; returns
    /// the person's id.
    @discardableResult
    private func recorded(_ fixture: StoreFixture) throws -> Int64 {
        try fixture.database.writeTransaction { db in
            var staff = StaffRecord(
                badge: "CL-1", name: "Nông Thị Hoa", officeId: 1, title: nil, category: .civilServant,
                createdAt: Instant(seconds: 0))
            try staff.insert(db.db)
            let course = Course(
                code: "2018-TS-LUAT", name: "Thạc sĩ Luật", kind: .degree, level: "master", field: "Luật",
                provider: "Trường Đại học Luật Hà Nội", starts: CivilDate(year: 2018, month: 3, day: 10),
                ends: CivilDate(year: 2020, month: 3, day: 10))
            try TrainingStore.add(db, course, by: "nga", at: Instant(seconds: 10))
            let attendance = try TrainingStore.attend(
                db, courseID: 1, staffID: staff.id!, by: "nga", at: Instant(seconds: 11))
            try TrainingStore.complete(
                db, attendanceID: attendance, on: CivilDate(year: 2020, month: 3, day: 10), evidence: "Bằng số 1",
                by: "nga", at: Instant(seconds: 12))
            let session = try CompetencyStore.plan(
                db, name: "Sát hạch 2018", day: CivilDate(year: 2018, month: 10, day: 16), titles: ["tu-phap-ho-tich"],
                offices: ["UBND-NHANLY"], by: "nga", at: Instant(seconds: 13))
            var previous: Int64?
            for (index, score) in [905, 650, 720].enumerated() {
                previous = try CompetencyStore.append(
                    db,
                    TestResultChain.Link(
                        id: 0, session: session, staff: staff.id!, title: "tu-phap-ho-tich", office: 1, score: score,
                        amends: previous, reason: index == 0 ? nil : "chấm phúc khảo \(index)", recordedBy: "nga",
                        recordedAt: Instant(seconds: 20 + Int64(index)))
                ).id
            }
            return staff.id!
        }
    }

    private func problems(_ fixture: StoreFixture) throws -> [String] {
        try fixture.database.readTransaction { try CompetencyStore.verify($0) }
    }

    @Test(
        "training rows, sessions and results are neither edited nor deleted",
        arguments: [
            ("training_course", "training records are kept as recorded", "training records are kept"),
            ("training_attendance", "training records are kept as recorded", "training records are kept"),
            ("training_completion", "training records are kept as recorded", "training records are kept"),
            ("test_session", "test sessions are kept as planned", "test sessions are kept"),
            (
                "test_result", "test results are append-only: amend instead",
                "test results are append-only: amend instead"
            ),
        ])
    func appendOnly(table: String, updateMessage: String, deleteMessage: String) throws {
        let fixture = try StoreFixture()
        try recorded(fixture)
        let edited = #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write { try $0.execute(sql: "UPDATE \(table) SET rowid = rowid") }
        }
        #expect(edited?.message == updateMessage)
        let deleted = #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write { try $0.execute(sql: "DELETE FROM \(table)") }
        }
        #expect(deleted?.message == deleteMessage)
    }

    @Test("every training row and session is in the ledger; results are not, and their own chain verifies")
    func ledgerAndChain() throws {
        let fixture = try StoreFixture()
        try recorded(fixture)
        let entries = try fixture.database.read { db in
            try [String: Int](
                uniqueKeysWithValues: Row.fetchAll(
                    db, sql: "SELECT table_name, count(*) AS n FROM ledger GROUP BY table_name"
                ).map { ($0["table_name"], $0["n"]) })
        }
        for table in ["training_course", "training_attendance", "training_completion", "test_session"] {
            #expect(entries[table] == 1, "\(table)")
        }
        #expect(entries["test_result"] == nil)
        #expect(try problems(fixture) == [])
    }

    @Test(
        "an edited result, a deleted one and results cut from the end are each named",
        arguments: [
            (
                "UPDATE test_result SET score = 950 WHERE id = 2",
                "test result 2: contents do not match its hash: the result was edited"
            ),
            (
                "DELETE FROM test_result WHERE id = 2",
                "test result 3: prev_hash does not match the hash of test result 1"
            ),
            (
                "DELETE FROM test_result WHERE id = 3",
                "test results: the chain head records 3 results ending at 3, but the table holds 2 ending at 2"
            ),
        ])
    func tampering(statement: String, problem: String) throws {
        let fixture = try StoreFixture()
        try recorded(fixture)
        // Someone with the file drops the guarding triggers and changes the rows, as an editor could.
        try fixture.database.writer.writeWithoutTransaction { db in
            try db.execute(
                sql: """
                    PRAGMA foreign_keys = OFF;
                    DROP TRIGGER test_result_is_not_updated;
                    DROP TRIGGER test_result_is_not_deleted;
                    """)
            try db.execute(sql: statement)
        }
        let found = try problems(fixture)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix(problem) == true, "\(found)")
    }
}
