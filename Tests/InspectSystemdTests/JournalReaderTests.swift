import Foundation
import Glibc
import InspectCore
import InspectTesting
import Testing

@testable import InspectSystemd

@Suite(
    "JournalReader on a real journald",
    .enabled(if: Journald.testsCanRun, Comment(rawValue: Journald.unavailableReason))
)
struct JournalReaderTests {
    /// Tags this test's entries, so that other entries in the journal never match.
    let run = UUID().uuidString
    let writer = JournalWriter(identifier: "inspectd-test")

    /// Sends an event tagged with ``run`` and waits until journalctl sees `count` of this run's entries, so that the
    /// next entry gets a later timestamp.
    private func send(
        _ message: String, priority: Priority, office: String, expecting count: Int
    ) async throws {
        let event = Event(
            kind: .inspectionOpened, priority: priority, message: message, fields: ["RUN": run, "OFFICE": office])
        try #require(writer.send(event) == .journaled)
        let seen = try await Journald.entries(matching: ["INSPECTD_RUN=\(run)"], atLeast: count)
        try #require(seen.count == count)
    }

    private func readAll(_ reader: JournalReader) throws -> [JournalEntry] {
        var entries: [JournalEntry] = []
        while let entry = try reader.next() {
            entries.append(entry)
        }
        return entries
    }

    @Test("values of one field are alternatives, different fields must all match")
    func combinesMatches() async throws {
        try #require(Journald.isAnswering, Comment(rawValue: Journald.unavailableReason))
        // Given three entries of this run at two offices and three priorities
        try await send("first", priority: .error, office: "A", expecting: 1)
        try await send("second", priority: .info, office: "A", expecting: 2)
        try await send("third", priority: .warning, office: "B", expecting: 3)

        // When reading warnings and worse of this run
        let reader = try JournalReader()
        try reader.apply(
            JournalFilter(identifiers: ["inspectd-test"], fields: ["RUN": run], priorities: .emergency ... .warning))
        try reader.seekHead()

        // Then the error and the warning come, in order, and the info does not
        #expect(try readAll(reader).map { $0.fields["MESSAGE"] } == ["first", "third"])

        // And adding an office narrows it further
        reader.flushMatches()
        try reader.apply(JournalFilter(identifiers: [], fields: ["RUN": run, "OFFICE": "A"]))
        try reader.seekHead()
        #expect(try readAll(reader).map { $0.fields["MESSAGE"] } == ["first", "second"])
    }

    @Test("seeking to an entry's time starts at that entry")
    func seeksToRealtime() async throws {
        try #require(Journald.isAnswering, Comment(rawValue: Journald.unavailableReason))
        try await send("before", priority: .info, office: "A", expecting: 1)
        try await send("at", priority: .info, office: "A", expecting: 2)
        try await send("after", priority: .info, office: "A", expecting: 3)
        let reader = try JournalReader()
        try reader.addMatch(field: "INSPECTD_RUN", value: run)
        try reader.seekHead()
        let all = try readAll(reader)
        try #require(all.count == 3)

        try reader.seek(toRealtimeMicroseconds: all[1].realtimeMicroseconds)

        #expect(try readAll(reader).map { $0.fields["MESSAGE"] } == ["at", "after"])
    }

    @Test(
        "after seeking to the tail only new entries come, and waiting finds them",
        arguments: [true, false])
    func followsFromTheTail(withAnOldEntry: Bool) async throws {
        try #require(Journald.isAnswering, Comment(rawValue: Journald.unavailableReason))
        // Given (or not) an entry of this run already in the journal, and a reader at the tail
        if withAnOldEntry {
            try await send("old", priority: .info, office: "A", expecting: 1)
        }
        let reader = try JournalReader()
        try reader.addMatch(field: "INSPECTD_RUN", value: run)
        try reader.seekTail()
        #expect(try reader.next() == nil)

        // When a new entry is written
        try #require(writer.send(Event(kind: .inspectionDue, message: "new", fields: ["RUN": run])) == .journaled)

        // Then waiting and reading return it, and only it
        var found: [JournalEntry] = []
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(30))
        while found.isEmpty, clock.now < deadline {
            _ = try reader.waitForChanges(timeout: .milliseconds(500))
            found += try readAll(reader)
        }
        #expect(found.map { $0.fields["MESSAGE"] } == ["new"])
    }

    @Test("a journal directory can be read on its own, as journalctl -D does")
    func readsADirectory() async throws {
        try #require(Journald.isAnswering, Comment(rawValue: Journald.unavailableReason))
        try await send("in a directory", priority: .info, office: "A", expecting: 1)
        let machineID = try String(contentsOfFile: "/etc/machine-id", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let directories = ["/run/log/journal/\(machineID)", "/var/log/journal/\(machineID)"]
            .filter { FileManager.default.fileExists(atPath: $0) }

        // journald writes to /run until it is told to flush to /var: the entry is in one of them
        var messages: [String?] = []
        for directory in directories {
            let reader = try JournalReader(.directory(directory))
            try reader.addMatch(field: "INSPECTD_RUN", value: run)
            try reader.seekHead()
            messages += try readAll(reader).map { $0.fields["MESSAGE"] }
        }
        #expect(messages == ["in a directory"])
    }
}

@Suite("JournalReader without a journald")
struct JournalReaderOfflineTests {
    @Test("a missing directory is an error, not an empty journal")
    func missingDirectory() {
        #expect(throws: JournalError.self) {
            try JournalReader(.directory("/nonexistent-inspectd-test/journal"))
        }
    }

    @Test("a match on a field name the journal cannot have is refused")
    func invalidMatch() throws {
        let reader = try JournalReader(.directory(FileManager.default.temporaryDirectory.path))
        #expect(throws: JournalError(operation: "add the match 'bad field=x'", errno: EINVAL)) {
            try reader.addMatch(field: "bad field", value: "x")
        }
    }

    @Test("a filter lists identifiers, fields and each priority in its range")
    func filterMatches() {
        let filter = JournalFilter(fields: ["OFFICE": "UBND-TP", "INSPECTION": "7"], priorities: .error ... .warning)

        #expect(
            filter.matches == [
                "SYSLOG_IDENTIFIER=inspectd", "SYSLOG_IDENTIFIER=inspectctl", "INSPECTD_INSPECTION=7",
                "INSPECTD_OFFICE=UBND-TP", "PRIORITY=3", "PRIORITY=4",
            ])
    }

    @Test("an entry's time keeps its microseconds")
    func entryTime() {
        let entry = JournalEntry(realtimeMicroseconds: 1_795_610_294_917_523, cursor: "", fields: [:])

        #expect(entry.realtime == Instant(seconds: 1_795_610_294))
        #expect(entry.microsecond == 917_523)
    }

    @Test(
        "only root and the journal's reader groups can read the system journal",
        arguments: [
            (0, [], JournalAccess.systemJournal),
            (1000, ["users"], .ownEntriesOnly),
            (1000, ["users", "systemd-journal"], .systemJournal),
            (1000, ["adm"], .systemJournal),
        ] as [(uid_t, Set<String>, JournalAccess)])
    func access(userID: uid_t, groups: Set<String>, expected: JournalAccess) {
        #expect(JournalAccess.evaluate(effectiveUserID: userID, groupNames: groups) == expected)
    }

    @Test("root reads the system journal", .enabled(if: geteuid() == 0, "not running as root"))
    func rootAccess() {
        #expect(JournalAccess.current() == .systemJournal)
    }

    @Test("a user who sees nothing is told why")
    func accessWarning() throws {
        #expect(JournalAccess.systemJournal.warning == nil)
        let warning = try #require(JournalAccess.ownEntriesOnly.warning)
        #expect(warning.contains("systemd-journal"))
    }
}
