import Foundation
import InspectCore
import InspectSystemd
import Logging
import Synchronization

/// The daemon's log on stderr, one line per message, its time in the configured zone like every other time inspectd
/// shows (`2027-02-06T07:52:00+07:00 info inspectd: database.path=… [InspectDaemon] ready`).
///
/// swift-log's `StreamLogHandler` writes the system's local time, which on a server is usually UTC: the log of a
/// daemon started by hand then disagrees with everything else by seven hours. Under systemd, journald stamps each
/// line itself; the time in the line is for a log kept in a file. Control characters in a line are escaped
/// (`TerminalText`), so a value cannot break it in two or act on the terminal of whoever reads the log.
public struct DaemonLogHandler: LogHandler {
    /// The zone times are written in: the configuration's, set when it is loaded and again on each reload.
    public static let zone = Mutex<LocalZone>(.vietnam)

    private let label: String
    private let write: @Sendable (String) -> Void
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]

    /// - Parameter write: Receives each line, without its newline; stderr unless a test looks at the lines.
    public init(label: String, write: @escaping @Sendable (String) -> Void = StandardError.writeLine) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let details = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        // One line whatever a value holds: a name or a path in a message is escaped as inspectctl escapes it.
        let line = TerminalText.escaped("\(event.level) \(label):\(details) [\(event.source)] \(event.message)")
        write(Self.stamped(line))
    }

    /// `line` after the time now, in the configured zone.
    static func stamped(_ line: String) -> String {
        "\(zone.withLock { $0 }.iso8601(Instant(Date()))) \(line)"
    }

    /// Writes an event the journal did not take to stderr with the time, like the log's other lines: without a
    /// journald nothing else dates it.
    @Sendable public static func writeEvent(_ line: String) {
        StandardError.writeLine(stamped(line))
    }
}
