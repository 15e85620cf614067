import Foundation

/// The machine's journald, for tests that write to the real journal and read entries back.
///
/// Tests that need it carry `.enabled(if: Journald.testsCanRun, Comment(rawValue: Journald.unavailableReason))`
/// and begin with `try #require(Journald.isAnswering, …)`. Where no journald runs they are skipped, visibly and with
/// the reason; with `INSPECTD_REQUIRE_JOURNALD=1` (CI, after `scripts/start-journald`) they run and fail instead.
public enum Journald {
    /// Whether a journald takes entries and `journalctl` returns them, probed once per process.
    ///
    /// The socket's presence proves nothing (a dead journald leaves it behind), so the probe does what a client
    /// does: `systemd-cat` connects and sends a line with a unique text, and `journalctl` must find it.
    public static let isAnswering: Bool = probe()

    /// Whether the environment demands a journald: `INSPECTD_REQUIRE_JOURNALD=1`.
    public static let isRequired = ProcessInfo.processInfo.environment["INSPECTD_REQUIRE_JOURNALD"] == "1"

    /// Whether journal tests should run: a journald answers, or one is required and its absence must fail them.
    public static var testsCanRun: Bool { isAnswering || isRequired }

    /// Why journal tests are skipped.
    public static let unavailableReason =
        "no journald answers: start one with scripts/start-journald (as root), "
        + "or set INSPECTD_REQUIRE_JOURNALD=1 to fail rather than skip"

    /// The entries `journalctl -o json` returns for `matches` (`FIELD=value`), waiting up to `timeout` until there
    /// are at least `count`: journald stores datagrams a moment after they are sent.
    ///
    /// - Returns: Each entry's fields; binary values (sent with newlines or control characters) decoded as UTF-8.
    public static func entries(
        matching matches: [String], atLeast count: Int = 1, timeout: Duration = .seconds(30)
    ) async throws -> [[String: String]] {
        var found: [[String: String]] = []
        _ = try await pollUntil(timeout: timeout) {
            found = try read(matches)
            return found.count >= count
        }
        return found
    }

    private static func read(_ matches: [String]) throws -> [[String: String]] {
        let result = try SystemTool.run("journalctl", ["--no-pager", "-o", "json"] + matches)
        guard result.status == 0 else {
            throw HarnessError("journalctl failed (\(result.status)): \(result.errorOutput)")
        }
        return try result.output.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw HarnessError("journalctl printed a line that is not an object: \(line)")
            }
            return object.compactMapValues(text)
        }
    }

    /// A JSON field value as text: a string; an array of byte values (how journalctl writes values it does not
    /// consider printable); or, for a field that occurs more than once, its first value.
    private static func text(_ value: Any) -> String? {
        if let string = value as? String { return string }
        guard let array = value as? [Any], let first = array.first else { return nil }
        if let bytes = array as? [Int] {
            return String(decoding: bytes.map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
        }
        return text(first)
    }

    private static func probe() -> Bool {
        let marker = "inspectd journal probe \(UUID().uuidString)"
        guard let sent = try? SystemTool.run("systemd-cat", ["-t", "inspectd-probe"], input: marker + "\n"),
            sent.status == 0
        else { return false }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(10))
        while clock.now < deadline {
            if let found = try? read(["SYSLOG_IDENTIFIER=inspectd-probe", "MESSAGE=\(marker)"]), !found.isEmpty {
                return true
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}
