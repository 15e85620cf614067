import Foundation
import InspectCore
import InspectSystemd
import InspectTesting
import Testing

@Suite(
    "Events through a real journald",
    .enabled(if: Journald.testsCanRun, Comment(rawValue: Journald.unavailableReason))
)
struct JournalRoundTripTests {
    @Test("an event comes back from journalctl and from JournalReader with every field intact")
    func roundTrip() async throws {
        try #require(Journald.isAnswering, Comment(rawValue: Journald.unavailableReason))

        // Given an event with Vietnamese text and a value spanning two lines
        let eventID = "test-\(UUID().uuidString)"
        let event = Event(
            kind: .violationRecorded,
            message: "Cán bộ CB-0042 đến muộn 25 phút tại UBND xã Tân Phú",
            fields: [
                "OFFICE": "UBND-TAN-PHU", "STAFF": "CB-0042", "VIOLATION": "late-arrival", "MINUTES": "25",
                "NOTE": "Lý do: kẹt xe\ntrên quốc lộ 1A",
            ]
        )
        let expected = [
            "MESSAGE": event.message,
            "MESSAGE_ID": "0f102273590240e7b6a931a224da2326",
            "PRIORITY": "4",
            "SYSLOG_IDENTIFIER": "inspectd-test",
            "INSPECTD_OFFICE": "UBND-TAN-PHU",
            "INSPECTD_STAFF": "CB-0042",
            "INSPECTD_VIOLATION": "late-arrival",
            "INSPECTD_MINUTES": "25",
            "INSPECTD_NOTE": "Lý do: kẹt xe\ntrên quốc lộ 1A",
            "INSPECTD_EVENT_ID": eventID,
        ]

        // When the writer sends it
        let outcome = JournalWriter(identifier: "inspectd-test").send(event, eventID: eventID)

        // Then journald took it, and journalctl returns exactly it
        #expect(outcome == .journaled)
        let printed = try await Journald.entries(matching: ["INSPECTD_EVENT_ID=\(eventID)"])
        #expect(printed.count == 1)
        let fromJournalctl = try #require(printed.first)
        for (name, value) in expected {
            #expect(fromJournalctl[name] == value, "\(name)")
        }

        // And JournalReader returns the same entry, to the microsecond
        let reader = try JournalReader()
        try reader.addMatch(field: "INSPECTD_EVENT_ID", value: eventID)
        try reader.seekHead()
        let entry = try #require(try reader.next())
        for (name, value) in expected {
            #expect(entry.fields[name] == value, "\(name)")
        }
        #expect(String(entry.realtimeMicroseconds) == fromJournalctl["__REALTIME_TIMESTAMP"])
        #expect(entry.cursor == fromJournalctl["__CURSOR"])
        #expect(try reader.next() == nil)
    }

    @Test("the events already in the journal are found by record and id, right after they were sent")
    func deliveredLookup() throws {
        try #require(Journald.isAnswering, Comment(rawValue: Journald.unavailableReason))
        let writer = JournalWriter(identifier: "inspectd-test")
        let record = UUID().uuidString.lowercased()
        let event = Event(kind: .violationRecorded, message: "BADGE recorded", fields: ["RECORD": record])
        // Sent and not waited for: the lookup's checkpoint must see to it that journald has stored them.
        #expect(writer.deliver(event, eventID: 1) == .journaled)
        #expect(writer.deliver(event, eventID: 3) == .journaled)
        var other = event
        other.fields["RECORD"] = UUID().uuidString.lowercased()
        #expect(writer.deliver(other, eventID: 2) == .journaled)

        #expect(writer.delivered([1, 2, 3, 4], record: record) == [1, 3])
        #expect(writer.delivered([], record: record) == [])
    }
}
