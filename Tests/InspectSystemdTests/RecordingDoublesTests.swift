import InspectCore
import InspectSystemd
import InspectTesting
import Testing

@Suite("Recording doubles for other modules' tests")
struct RecordingDoublesTests {
    @Test("the event sink keeps each event with its id and reports the chosen outcome")
    func eventSink() {
        let sink = RecordingEventSink()
        let started = Event(kind: .daemonStarted, message: "Started")
        let due = Event(kind: .inspectionDue, message: "Due", fields: ["OFFICE": "UBND-TP"])

        #expect(sink.deliver(started, eventID: 1) == .journaled)
        sink.outcome = .fellBack(reason: "down")
        #expect(sink.deliver(due, eventID: nil) == .fellBack(reason: "down"))

        #expect(sink.records.map(\.eventID) == [1, nil])
        #expect(sink.records.map(\.outcome) == [.journaled, .fellBack(reason: "down")])
        #expect(sink.events == [started, due])
    }

    @Test("the notifier keeps notifications in order, through the protocol")
    func notifier() {
        let recording = RecordingNotifier(watchdogInterval: .seconds(5))
        let notifier: any ServiceNotifier = recording

        notifier.ready(status: "Up")
        notifier.watchdogPing()
        notifier.reloading()
        notifier.ready()
        notifier.stopping()

        #expect(notifier.watchdogInterval == .seconds(5))
        #expect(
            recording.notifications == [
                .ready(status: "Up"), .watchdogPing, .reloading, .ready(status: nil), .stopping,
            ])
    }
}
