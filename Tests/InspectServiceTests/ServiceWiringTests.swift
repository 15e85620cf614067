import Foundation
import InspectCore
import InspectService
import InspectStore
import InspectTesting
import Testing

/// The service as the daemon and inspectctl's direct mode both build it (`InspectService(database:policy:sink:…)`).
@Suite("The service wired for a process")
struct ServiceWiringTests {
    @Test("its sender claims rows as program:pid, on the same database and clock, and delivers to the sink")
    func wiring() throws {
        let directory = TemporaryDirectory()
        let database = try InspectDatabase.open(path: directory.file("inspectd.db"), mode: .readWrite)
        let sink = RecordingEventSink()
        let clock = TestClock(local: "2027-03-01 07:45")
        let service = InspectService(
            database: database, policy: ServicePolicy(), sink: sink, program: "inspectctl", clock: clock.function)
        #expect(service.sender.claimant == "inspectctl:\(getpid())")
        #expect(service.sender.database.path == database.path)
        _ = try service.addOffice(
            .init(code: "UBND-NHANLY", name: "UBND xã Nhân Lý", kind: .commune), by: Caller(user: "nga", role: .admin))
        #expect(sink.events.map(\.kind) == [.registryChanged])
        #expect(try database.readTransaction { try Outbox.pendingCount($0) } == 0)
        #expect(service.clock() == clock.now)
    }
}
