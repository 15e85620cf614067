import GRDB
import InspectCore
import Testing

@testable import InspectStore

/// `staff_profile_change` keeps every change: rows are never edited or deleted, values stay in their ranges, and
/// every insert is in the ledger.
@Suite struct StaffProfileSchemaTests {
    /// A person in the fixture's office with one qualification; returns their id.
    private func recorded(_ fixture: StoreFixture) throws -> Int64 {
        try fixture.database.writeTransaction { db in
            var staff = StaffRecord(
                badge: "CL-1", name: "Nông Thị Hoa", officeId: 1, title: nil, category: .civilServant,
                createdAt: Instant(seconds: 0))
            try staff.insert(db)
            try StaffProfileChangeRecord.append(
                db, staffID: staff.id!,
                ProfileChange(
                    aspect: "education", value: "bachelor", field: "Luật",
                    date: CivilDate(year: 2015, month: 6, day: 30),
                    evidence: "Bằng số 1", reason: nil, recordedBy: "nga", recordedAt: Instant(seconds: 10)))
            return staff.id!
        }
    }

    @Test("a recorded change is neither edited nor deleted, and its insert is in the ledger")
    func appendOnly() throws {
        let fixture = try StoreFixture()
        _ = try recorded(fixture)
        let edited = #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write {
                try $0.execute(sql: "UPDATE staff_profile_change SET value = 'doctor'")
            }
        }
        #expect(edited?.message == "profile changes are kept as recorded")
        let deleted = #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write { try $0.execute(sql: "DELETE FROM staff_profile_change") }
        }
        #expect(deleted?.message == "profile changes are kept")
        let entries = try fixture.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM ledger WHERE table_name = 'staff_profile_change'")
        }
        #expect(entries == 1)
    }

    @Test(
        "values out of their ranges are refused by the schema too, each by its own check",
        arguments: [
            ("level", "ward", nil, nil, "Bổ nhiệm", "aspect <> 'level' OR value IN"),
            ("level", "commune", nil, nil, nil, "aspect NOT IN ('level', 'title') OR reason IS NOT NULL"),
            ("education", "bachelor", nil, "Bằng", nil, "(aspect IN ('education', 'language')) = (field IS NOT NULL)"),
            ("it", "basic", "Tin học", "Chứng chỉ", nil, "(aspect IN ('education', 'language')) = (field IS NOT NULL)"),
            ("it", "basic", nil, nil, nil, "aspect IN ('level', 'title') OR evidence IS NOT NULL"),
            ("rank", "x", nil, "Bằng", nil, "aspect IN ('level', 'title', 'education',"),
        ] as [(String, String, String?, String?, String?, String)])
    func ranges(
        aspect: String, value: String, field: String?, evidence: String?, reason: String?, rule: String
    )
        throws
    {
        let fixture = try StoreFixture()
        let staffID = try recorded(fixture)
        let refused = #expect(throws: DatabaseError.self) {
            try fixture.database.writer.write { db in
                try StaffProfileChangeRecord.append(
                    StoreTransaction(db), staffID: staffID,
                    ProfileChange(
                        aspect: aspect, value: value, field: field, date: CivilDate(year: 2020, month: 1, day: 1),
                        evidence: evidence, reason: reason, recordedBy: "nga", recordedAt: Instant(seconds: 20)))
            }
        }
        #expect(refused?.message?.contains(rule) == true, "\(refused?.message ?? "")")
    }
}
