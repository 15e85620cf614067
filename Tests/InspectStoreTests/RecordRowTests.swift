import GRDB
import InspectCore
import InspectTesting
import Testing

@testable import InspectStore

/// The records decoded by position (`init(row:)`) read back what they wrote, every column set to a value of its own:
/// a decoder that took its columns in another order than the table's would mix them up or fail.
@Suite("Records decoded by position")
struct RecordRowTests {
    @Test(
        "a finding, a correction with its time, a staff member, an office, a violation type and an outbox row round-trip"
    )
    func roundTrip() throws {
        let fixture = try StoreFixture()
        try fixture.database.writeTransaction { transaction in
            let db = transaction.db
            var staff = StaffRecord(
                badge: "CL-00413", name: "Nguyễn Văn A", officeId: 1, title: "Chuyên viên", category: .cadre,
                active: false, createdAt: Instant(seconds: 7), retiredAt: Instant(seconds: 9), login: "nva")
            try staff.insert(db)
            #expect(try StaffRecord.fetchOne(db, key: staff.id) == staff)
            #expect(try StaffRecord.find(transaction, badge: "CL-00413") == staff)
            #expect(try StaffRecord.find(transaction, login: "nva") == staff)

            var office = OfficeRecord(
                code: "UBND-THANHHA", name: "UBND xã Thanh Hà", parentId: 1, kind: .commune, hoursProfile: "summer",
                active: false, createdAt: Instant(seconds: 3), retiredAt: Instant(seconds: 4))
            try office.insert(db)
            #expect(try OfficeRecord.find(transaction, code: "UBND-THANHHA") == office)
            #expect(try OfficeRecord.find(transaction, id: try #require(office.id)) == office)

            let type = ViolationTypeRecord(
                code: "TEST", nameEn: "English", nameVi: "Tiếng Việt", legalBasis: "Điều 1", severity: .serious,
                measure: .departure)
            try type.insert(db)
            #expect(try ViolationTypeRecord.fetchOne(db, key: "TEST") == type)
            #expect(try ViolationTypeRecord.require(transaction, code: "TEST") == type)

            let recorded = try FindingLedger.append(
                transaction,
                Finding(
                    id: 0, inspection: fixture.inspectionID, violation: "LATE", staff: "CL-00413",
                    observedAt: Instant(seconds: 100), clockTime: TimeOfDay(parsing: "07:45"), minutes: 15,
                    note: "note", recordedBy: "test", recordedAt: Instant(seconds: 101), action: .record,
                    corrects: nil, reason: nil))
            let amended = try FindingLedger.append(
                transaction,
                Finding(
                    id: 0, inspection: fixture.inspectionID, violation: "TEST", staff: nil,
                    observedAt: Instant(seconds: 100), clockTime: nil, minutes: nil, note: nil, recordedBy: "other",
                    recordedAt: Instant(seconds: 102), action: .amend, corrects: recorded.id, reason: "typo",
                    correctedAt: Instant(seconds: 103)))
            #expect(try FindingRecord.fetchOne(db, key: recorded.id)?.finding == recorded)
            #expect(try FindingRecord.fetchOne(db, key: amended.id)?.finding == amended)
            let listed = try #require(try FindingRecord.listed(transaction, id: recorded.id))
            #expect(listed.record.finding == recorded)
            #expect(listed.office == "UBND-NHANLY")
            #expect(listed.severity == .minor)
            #expect(listed.correctedBy == .amend)

            var outbox = OutboxRecord(
                event: Event(kind: .violationRecorded, message: "message", fields: ["A": "1"]),
                createdAt: Instant(seconds: 5), claimedBy: "inspectctl:1")
            outbox.sentAt = Instant(seconds: 6)
            try outbox.insert(db)
            #expect(try OutboxRecord.fetchOne(db, key: outbox.id) == outbox)
        }
    }
}
