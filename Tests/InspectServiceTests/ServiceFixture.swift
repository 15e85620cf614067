import GRDB
import InspectCore
import InspectService
import InspectStore
import InspectTesting

/// A service over a fresh database file, with a hand-set clock and a recording sink.
struct ServiceFixture {
    let directory = TemporaryDirectory()
    let clock = TestClock(local: "2027-03-01 07:45")
    let sink = RecordingEventSink()
    let service: InspectService
    let admin = Caller(user: "nga", role: .admin)
    let inspector = Caller(user: "tuan", role: .inspector)
    let reader = Caller(user: "lan", role: .reader)

    init(configuration: InspectConfiguration = .defaults) throws {
        let database = try InspectDatabase.open(path: directory.file("inspectd.db"), mode: .readWrite)
        service = InspectService(
            database: database, policy: ServicePolicy(configuration: configuration), sink: sink, program: "test",
            clock: clock.function)
    }

    /// The compiled defaults with `escalation` as `escalation.conf` and `main` as `inspectd.conf`.
    static func configuration(escalation: String = "", main: String = "") throws -> InspectConfiguration {
        try InspectConfiguration(
            main: IniDocument(text: main, path: "inspectd.conf"), holidayFiles: [], planFiles: [],
            escalationFile: IniDocument(text: escalation, path: "escalation.conf"))
    }

    /// Sets the clock to a local time, `2027-03-02 08:00`.
    func at(_ local: String) {
        clock.set(try! TimeParsing.instant(local, in: .vietnam))
    }

    /// One visit to `office` at the local time `local`: opens an inspection, logs each finding, closes it with
    /// `checked` staff; returns the ids of the finding rows.
    @discardableResult
    func visit(
        _ office: String = "UBND-NHANLY", at local: String, checked: Int = 5,
        _ findings: [(type: String, staff: String?)]
    ) throws -> [Int64] {
        at(local)
        let inspection = try service.openInspection(office: office, by: inspector).id
        let ids = try findings.map { finding in
            try service.logFinding(
                .init(
                    inspection: inspection, violation: finding.type, staff: finding.staff,
                    arrived: finding.type == "LATE" ? TimeOfDay(hour: 7, minute: 50) : nil),
                by: inspector
            ).finding.id
        }
        clock.advance(seconds: 1800)
        var generator = SplitMix64(seed: 1)
        _ = try service.closeInspection(id: inspection, checked: checked, by: inspector, using: &generator)
        return ids
    }

    /// Counts the rows of a table.
    func count(_ table: String, where condition: String = "1") throws -> Int {
        try service.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(condition)") ?? 0
        }
    }

    /// Nhân Lý with two named staff among the twelve a visit may check, and an open inspection there; returns the
    /// inspection's id.
    func seed() throws -> Int64 {
        _ = try service.addOffice(.init(code: "UBND-NHANLY", name: "UBND xã Nhân Lý", kind: .commune), by: admin)
        _ = try service.addStaff(
            .init(badge: "CL-1", name: "Nông Thị Hoa", office: "UBND-NHANLY", category: .cadre), by: admin)
        _ = try service.addStaff(
            .init(badge: "CL-2", name: "Vi Văn Lâm", office: "UBND-NHANLY", category: .civilServant), by: admin)
        try addColleagues(10, to: "UBND-NHANLY")
        return try service.openInspection(office: "UBND-NHANLY", by: inspector).id
    }

    /// Adds `count` more staff to `office` (badges `<office>-S1`, …): the people an inspection checks besides those
    /// a test names, since no inspection may count more staff than its office has.
    func addColleagues(_ count: Int, to office: String) throws {
        for number in 1...count {
            _ = try service.addStaff(
                .init(
                    badge: "\(office)-S\(number)", name: "Nhân viên \(number)", office: office,
                    category: .publicEmployee),
                by: admin)
        }
    }
}
