import GRDB
import InspectCore
import InspectTesting

@testable import InspectStore

/// A fresh database file in a temporary directory, with one office and one open inspection.
struct StoreFixture {
    let directory = TemporaryDirectory()
    let database: InspectDatabase
    let inspectionID: Int64

    init() throws {
        database = try InspectDatabase.open(path: directory.file("inspectd.db"), mode: .readWrite)
        inspectionID = try database.write { db in
            var office = OfficeRecord(
                code: "UBND-NHANLY", name: "UBND xã Nhân Lý", parentId: nil, kind: .commune, hoursProfile: "default",
                createdAt: Instant(seconds: 0))
            try office.insert(db)
            var inspection = InspectionRecord(
                officeId: office.id!, kind: .adHoc, status: .open, createdAt: Instant(seconds: 0), createdBy: "test")
            try inspection.insert(db)
            return inspection.id!
        }
    }

    func draft(note: String) -> Finding {
        Finding(
            id: 0, inspection: inspectionID, violation: "BADGE", staff: nil, observedAt: Instant(seconds: 100),
            clockTime: nil, minutes: nil, note: note, recordedBy: "test", recordedAt: Instant(seconds: 100),
            action: .record, corrects: nil, reason: nil)
    }

    /// Appends `count` findings.
    func appendFindings(_ count: Int) throws {
        try database.writeTransaction { db in
            for index in 1...count { _ = try FindingLedger.append(db, draft(note: "finding \(index)")) }
        }
    }

    /// Runs raw SQL the way someone with the `sqlite3` tool could, triggers dropped first.
    func tamper(_ sql: String) throws {
        try database.write { db in
            try db.execute(sql: "DROP TRIGGER finding_is_not_updated; DROP TRIGGER finding_is_not_deleted;")
            try db.execute(sql: sql)
        }
    }
}
