import Foundation
import InspectTesting
import Testing

/// A flood of refused calls from a user who may not make them costs the record next to nothing, and the journal a
/// few entries that add up to every refusal: the first at once, the rest per user and interval (`RefusalTally`), and
/// what is still being counted when the daemon stops.
///
/// The daemon counts for `INSPECTD_REFUSAL_INTERVAL` seconds here instead of a minute; the deadlines are generous,
/// nothing is timed. (Not under `faketime`: libfaketime shifts the daemon's timers, monotonic ones included, and
/// with the wall clock stopped they fire late or never.)
@Suite("A flood of refused calls", .serialized)
struct RefusalFloodTests {
    static var runnable: Bool {
        (TestUsers.available && Journald.testsCanRun) || TestUsers.required
    }

    static let accessDenied = "MESSAGE_ID=5d2bb2c9a3d44ebbac918e1f65bf87f5"

    /// Calls a reader may not make: an administrator's and an inspector's.
    static let refused = [
        #"{"method":"io.inspectd.AddOffice","parameters":{"code":"FLOOD","name":"Flood","kind":"commune"}}"#,
        #"{"method":"io.inspectd.ApplyPlans","parameters":{}}"#,
    ]

    /// A daemon on a fresh record that another user can reach, and the record's name.
    static func daemon(interval: Int) async throws -> (DaemonFixture, record: String) {
        let daemon = try DaemonFixture()
        chmod(daemon.directory.path, 0o755)
        try await daemon.start(environment: ["INSPECTD_REFUSAL_INTERVAL": String(interval)])
        let record = try daemon.sql("SELECT id FROM record_identity").trimmingCharacters(in: .whitespacesAndNewlines)
        return (daemon, record)
    }

    /// The access-denied entries of `record` for `user`, and the refusals they count together.
    static func refusals(record: String, user: String, atLeast total: Int) async throws -> (entries: Int, count: Int) {
        let deadline = ContinuousClock.now + .seconds(120)
        while true {
            let entries = try await Journald.entries(
                matching: [accessDenied, "INSPECTD_RECORD=\(record)", "INSPECTD_USER=\(user)"], atLeast: 0)
            let count = entries.compactMap { $0["INSPECTD_COUNT"].flatMap(Int.init) }.reduce(0, +)
            if count >= total || ContinuousClock.now >= deadline { return (entries.count, count) }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// The bytes of the database and its write-ahead log once the log is checkpointed, and its pages.
    static func size(_ daemon: DaemonFixture) throws -> (bytes: Int, pages: Int) {
        let pages =
            try daemon.sql("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA page_count;")
            .split(separator: "\n").last.flatMap { Int($0) } ?? -1
        let bytes = ["", "-wal"].reduce(0) { total, suffix in
            let attributes = try? FileManager.default.attributesOfItem(atPath: daemon.database + suffix)
            return total + ((attributes?[.size] as? Int) ?? 0)
        }
        return (bytes, pages)
    }

    @Test(
        "10,000 refused calls leave the record within a few kilobytes and reach the journal in a few entries",
        .enabled(if: runnable, "\(TestUsers.unavailableReason), and a journald"))
    func flood() async throws {
        try #require(TestUsers.available, Comment(rawValue: TestUsers.unavailableReason))
        try #require(Journald.isAnswering, Comment(rawValue: Journald.unavailableReason))
        let interval = 2
        let (daemon, record) = try await Self.daemon(interval: interval)
        let socket = daemon.directory.file("io.inspectd")
        // The daemon's own start-up writes settle first: the outbox's events, the plans.
        _ = try await RawCalls.run([.init(message: Self.refused[1])], as: nil, socket: socket)
        let before = try Self.size(daemon)

        let started = ContinuousClock.now
        let replies = try await RawCalls.run(
            Self.refused.map { .init(message: $0, repeats: 5000) }, as: TestUsers.reader, socket: socket)
        let took = ContinuousClock.now - started
        for reply in replies {
            #expect(try RawCalls.errorName(of: reply) == "io.inspectd.PermissionDenied")
        }
        // Every refusal is reported, in aggregate, once its interval has ended: the daemon is still running.
        let seen = try await Self.refusals(record: record, user: TestUsers.reader.name, atLeast: 10_000)
        #expect(seen.count == 10_000)
        let intervals = Int(took.components.seconds) / interval + 2
        #expect(seen.entries <= 2 * intervals, "\(seen.entries) entries for \(intervals) intervals of refusals")
        let after = try Self.size(daemon)
        // The database's own pages, which a checkpoint that another reader held back does not blur; 4 KiB each.
        #expect(after.pages - before.pages <= 4, "the record grew from \(before) to \(after)")
        print(
            "refusal flood: 10000 refused calls in \(took); record \(before.bytes) → \(after.bytes) bytes "
                + "(\(before.pages) → \(after.pages) pages); \(seen.entries) journal entries counting \(seen.count)")
        #expect(daemon.stop() == 0)
    }

    @Test(
        "refusals still being counted when the daemon stops are reported as it stops",
        .enabled(if: runnable, "\(TestUsers.unavailableReason), and a journald"))
    func flushedOnStop() async throws {
        try #require(TestUsers.available, Comment(rawValue: TestUsers.unavailableReason))
        try #require(Journald.isAnswering, Comment(rawValue: Journald.unavailableReason))
        // An interval no test waits for: only the stop reports the refusals after the first.
        let (daemon, record) = try await Self.daemon(interval: 3600)
        let socket = daemon.directory.file("io.inspectd")
        let user = TestUsers.linkedReader
        let replies = try await RawCalls.run(
            [.init(message: Self.refused[0], repeats: 500)], as: user, socket: socket)
        #expect(try RawCalls.errorName(of: replies[0]) == "io.inspectd.PermissionDenied")
        let first = try await Self.refusals(record: record, user: user.name, atLeast: 1)
        #expect(first.count == 1)
        #expect(daemon.stop() == 0)
        let all = try await Self.refusals(record: record, user: user.name, atLeast: 500)
        #expect(all.count == 500)
        #expect(all.entries == 2)
    }
}
