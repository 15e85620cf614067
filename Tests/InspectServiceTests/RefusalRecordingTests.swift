import InspectCore
import InspectService
import InspectStore
import Testing

/// `recordRefusal`: how inspectctl's direct mode reports a refused call, with the daemon's event.
@Suite("Recording a refusal")
struct RefusalRecordingTests {
    @Test("the refusal goes through the outbox to the sink, as the daemon's first refusal of an interval")
    func recorded() throws {
        let fixture = try ServiceFixture()
        let error = InspectError.permissionDenied("LogFinding needs the inspector role")
        fixture.service.recordRefusal(fixture.reader, method: "LogFinding", error: error)
        var tally = RefusalTally()
        let first = tally.refused(fixture.reader, method: "LogFinding", error: error, at: 0)
        let expected = try #require(first)
        #expect(fixture.sink.events.map(\.kind) == [.accessDenied])
        #expect(fixture.sink.events.first?.message == expected.message)
        #expect(fixture.sink.events.first?.fields["USER"] == "lan")
        #expect(try fixture.service.database.readTransaction { try Outbox.pendingCount($0) } == 0)
    }
}
