import Foundation
import InspectTesting
import Synchronization
import Testing

/// Lines read from a pipe on another thread.
private final class LineCollector: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        lines.withLock { $0 += text.split(separator: "\n").map(String.init) }
    }

    var all: [String] { lines.withLock { $0 } }
}

@Suite(
    "inspectctl follow reads inspectd's events back from the journal", .serialized,
    .enabled(if: Journald.testsCanRun, Comment(rawValue: Journald.unavailableReason)))
struct CLIFollowTests {
    @Test("a live follower prints a violation as it is recorded, as JSON with its fields")
    func live() async throws {
        try #require(Journald.isAnswering, "no journald answers")
        let cli = try CLIFixture.seeded()
        let note = "follow-\(UUID().uuidString)"
        let follower = Process()
        follower.executableURL = URL(fileURLWithPath: BuiltProducts.inspectctl)
        follower.arguments = [
            "follow", "--json", "--office", "UBND-NHANLY", "--database", cli.database, "--config", cli.config,
        ]
        let output = Pipe()
        follower.standardOutput = output
        let lines = LineCollector()
        try follower.run()
        let reading = output.fileHandleForReading
        // A blocking reader on its own thread; it ends when the follower is terminated and the pipe closes.
        Thread.detachNewThread {
            while case let data = reading.availableData, !data.isEmpty { lines.append(data) }
        }
        defer {
            // SIGKILL: a child of the test runner inherits its blocked SIGTERM.
            kill(follower.processIdentifier, SIGKILL)
            follower.waitUntilExit()
        }
        // The follower starts at the tail; give it a moment to open the journal before writing.
        try await Task.sleep(for: .milliseconds(500))
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-00002", "--note", note])

        var event: [String: Any]?
        let deadline = ContinuousClock.now + .seconds(20)
        while event == nil && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            event = lines.all.compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }.first {
                ($0["message"] as? String)?.contains("BADGE") == true
                    && ($0["fields"] as? [String: String])?["INSPECTD_STAFF"] == "CL-00002"
            }
        }
        let found = try #require(event, "the follower printed: \(lines.all)")
        #expect(found["priority"] as? String == "warning")
        #expect(found["messageID"] as? String == "0f102273590240e7b6a931a224da2326")
        let fields = found["fields"] as? [String: String]
        #expect(fields?["INSPECTD_OFFICE"] == "UBND-NHANLY")
        #expect(fields?["INSPECTD_VIOLATION"] == "BADGE")
    }

    @Test("--since with --no-wait prints past events matching the office and priority, then exits")
    func history() async throws {
        try #require(Journald.isAnswering, "no journald answers")
        let start = Date()
        let cli = try CLIFixture.seeded()
        let office = "UBND-BANGHUU"
        try cli.ok(["inspection", "open", "--office", office])
        try cli.ok(["finding", "log", "--inspection", "2", "--type", "DRESS", "--staff", "CL-00003"])
        _ = try await Journald.entries(matching: ["INSPECTD_OFFICE=\(office)", "INSPECTD_VIOLATION=DRESS"])
        let since = ISO8601DateFormatter().string(from: start.addingTimeInterval(-1))
        let result = try cli.run(["follow", "--since", since, "--no-wait", "--office", office, "--priority", "warning"])
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "warning inspectctl: DRESS (Improper attire) recorded in inspection 2 of UBND-BANGHUU"))
        #expect(!result.stdout.contains("opened"), "notices are below warning")
        let bad = try cli.run(["follow", "--priority", "loud", "--no-wait"])
        #expect(bad.status == 64, "a usage error")
    }

    @Test("follow shows this record's events only, even for an office another database has too")
    func thisRecordOnly() async throws {
        try #require(Journald.isAnswering, "no journald answers")
        // Given two databases with the same office, each with a violation there
        let mine = try CLIFixture.seeded()
        let other = try CLIFixture.seeded()
        try mine.ok(["finding", "log", "--inspection", "1", "--type", "BADGE"])
        try other.ok(["finding", "log", "--inspection", "1", "--type", "BADGE"])
        let records = try [mine, other].map { try $0.recordIdentity() }
        for record in records {
            _ = try await Journald.entries(matching: ["INSPECTD_RECORD=\(record)", "INSPECTD_VIOLATION=BADGE"])
        }
        // When one is followed since a relative time, by office
        let result = try mine.run(["follow", "--since", "-10min", "--no-wait", "--office", "UBND-NHANLY", "--json"])
        // Then its own events show, and none of the other's
        #expect(result.status == 0, "\(result.stderr)")
        let events = try result.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let fields = events.compactMap { $0["fields"] as? [String: String] }
        #expect(fields.contains { $0["INSPECTD_VIOLATION"] == "BADGE" })
        #expect(fields.count == events.count)
        #expect(fields.allSatisfy { $0["INSPECTD_RECORD"] == records[0] && $0["INSPECTD_OFFICE"] == "UBND-NHANLY" })
    }
}
