import Glibc
import InspectCore
import Synchronization
import Testing

@testable import InspectSystemd

@Suite("JournalWriter without a journald")
struct JournalWriterTests {
    let event = Event(
        kind: .violationRecorded,
        message: "Cán bộ CB-0042 đến muộn 25 phút tại UBND xã Tân Phú",
        fields: ["OFFICE": "UBND-TAN-PHU", "MINUTES": "25", "NOTE": "Lý do: kẹt xe\ntrên quốc lộ 1A"]
    )

    @Test("with no journald socket the event goes to stderr as one readable line")
    func fallsBackWhenTheSocketIsMissing() {
        // Given a writer whose journald socket does not exist
        let lines = LineRecorder()
        let missing = "/nonexistent-inspectd-test/socket"
        let writer = JournalWriter(identifier: "inspectd", socketPath: missing, fallback: lines.record)

        // When it sends an event with an outbox id
        let outcome = writer.send(event, eventID: "17")

        // Then it says why and writes exactly one line with every field, the newline escaped
        #expect(outcome == .fellBack(.noJournal(socketPath: missing, errno: ENOENT)))
        #expect(
            lines.all == [
                "inspectd[\(getpid())]: warning: Cán bộ CB-0042 đến muộn 25 phút tại UBND xã Tân Phú "
                    + "[KIND=violation-recorded EVENT_ID=17 MINUTES=25 NOTE=\"Lý do: kẹt xe\\ntrên quốc lộ 1A\" "
                    + "OFFICE=UBND-TAN-PHU]"
            ])
    }

    @Test("an outbox event the journal keeps refusing reaches stderr once, however often it is sent again")
    func fallsBackOncePerEvent() {
        // Given a writer without a journald, as the daemon's outbox retries use it
        let lines = LineRecorder()
        let writer = JournalWriter(
            identifier: "inspectd", socketPath: "/nonexistent-inspectd-test/socket", fallback: lines.record)
        var started = Event(kind: .daemonStarted, message: "inspectd started", fields: ["RECORD": "a1"])

        // When the same outbox event is sent three times, and another record's event 1 once
        for _ in 1...3 { #expect(writer.send(started, eventID: "1") != .journaled) }
        started.fields["RECORD"] = "b2"
        writer.send(started, eventID: "1")
        // and an event without an outbox row twice
        let probe = Event(kind: .integrityFailure, message: "inspectd will not start")
        writer.send(probe)
        writer.send(probe)

        // Then each outbox event is one line, and each event without a row one line per send
        #expect(lines.all.filter { $0.contains("inspectd started") }.count == 2)
        #expect(lines.all.filter { $0.contains("RECORD=a1") }.count == 1)
        #expect(lines.all.filter { $0.contains("will not start") }.count == 2)
    }

    @Test("a field name the journal would not accept is refused, and the event still reaches stderr")
    func refusesInvalidFieldNames() {
        let lines = LineRecorder()
        let writer = JournalWriter(identifier: "inspectctl", fallback: lines.record)
        let bad = Event(kind: .registryChanged, message: "Office added", fields: ["OFFICE": "UBND-TP", "office": "x"])

        let outcome = writer.send(bad)

        #expect(outcome == .fellBack(.invalidFieldName("office")))
        #expect(
            lines.all == ["inspectctl[\(getpid())]: info: Office added [KIND=registry-changed OFFICE=UBND-TP office=x]"]
        )
    }

    @Test("an entry has the standard fields, every INSPECTD_ field and the outbox id")
    func buildsTheEntry() {
        let writer = JournalWriter(identifier: "inspectd")

        let assignments = writer.assignments(for: event, eventID: "17")

        #expect(
            assignments == [
                "MESSAGE=Cán bộ CB-0042 đến muộn 25 phút tại UBND xã Tân Phú",
                "MESSAGE_ID=0f102273590240e7b6a931a224da2326",
                "PRIORITY=4",
                "SYSLOG_IDENTIFIER=inspectd",
                "INSPECTD_MINUTES=25",
                "INSPECTD_NOTE=Lý do: kẹt xe\ntrên quốc lộ 1A",
                "INSPECTD_OFFICE=UBND-TAN-PHU",
                "INSPECTD_EVENT_ID=17",
            ])
    }

    @Test("the outbox id replaces an EVENT_ID field, so the entry has one")
    func outboxIDWins() {
        let writer = JournalWriter(identifier: "inspectd")
        let withField = Event(kind: .daemonStarted, message: "Started", fields: ["EVENT_ID": "stale"])

        #expect(
            writer.assignments(for: withField, eventID: "9").filter { $0.hasPrefix("INSPECTD_") } == [
                "INSPECTD_EVENT_ID=9"
            ])
        #expect(
            writer.assignments(for: withField, eventID: nil).filter { $0.hasPrefix("INSPECTD_") } == [
                "INSPECTD_EVENT_ID=stale"
            ])
    }

    struct EscapeCase: Sendable, CustomTestStringConvertible {
        var value: String
        var shown: String
        var testDescription: String { shown }
    }

    @Test(
        "fallback values stay on one line and unambiguous",
        arguments: [
            EscapeCase(value: "plain", shown: "plain"),
            EscapeCase(value: "", shown: "\"\""),
            EscapeCase(value: "Phòng Nội vụ", shown: "\"Phòng Nội vụ\""),
            EscapeCase(value: "a=b", shown: "\"a=b\""),
            EscapeCase(value: "say \"hi\"", shown: "\"say \\\"hi\\\"\""),
            EscapeCase(value: "tab\there", shown: "tab\\there"),
            EscapeCase(value: "cr\r\nlf", shown: "cr\\r\\nlf"),
            EscapeCase(value: "esc\u{1B}[0m", shown: "esc\\x1b[0m"),
            EscapeCase(value: "c1\u{9B}2J", shown: "c1\\u{9b}2J"),
            EscapeCase(value: "rlo\u{202E}x", shown: "rlo\\u{202e}x"),
            EscapeCase(value: "back\\slash", shown: "back\\\\slash"),
            EscapeCase(value: "bracket]", shown: "\"bracket]\""),
        ])
    func escapesValues(_ escape: EscapeCase) {
        #expect(FallbackLine.quoted(escape.value) == escape.shown)
    }
}

/// Collects fallback lines; the writer may call it from any thread.
final class LineRecorder: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    @Sendable func record(_ line: String) {
        lines.withLock { $0.append(line) }
    }
}
