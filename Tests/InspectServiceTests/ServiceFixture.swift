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

    init() throws {
        let database = try InspectDatabase.open(path: directory.file("inspectd.db"), mode: .readWrite)
        let sender = OutboxSender(database: database, sink: sink, claimant: "test:1", clock: clock.function)
        service = InspectService(database: database, policy: ServicePolicy(), sender: sender, clock: clock.function)
    }

    /// Nhân Lý with two staff, and an open inspection there; returns the inspection's id.
    func seed() throws -> Int64 {
        _ = try service.addOffice(.init(code: "UBND-NHANLY", name: "UBND xã Nhân Lý", kind: .commune), by: admin)
        _ = try service.addStaff(
            .init(badge: "CL-1", name: "Nông Thị Hoa", office: "UBND-NHANLY", category: .cadre), by: admin)
        _ = try service.addStaff(
            .init(badge: "CL-2", name: "Vi Văn Lâm", office: "UBND-NHANLY", category: .civilServant), by: admin)
        return try service.openInspection(office: "UBND-NHANLY", by: inspector).id
    }
}
