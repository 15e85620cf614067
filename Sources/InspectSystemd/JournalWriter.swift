import CSystemd
import Glibc
import InspectCore

/// Sends events to the systemd journal as structured entries, and to stderr when no journald takes them.
///
/// An event becomes one entry whose fields operators can match on (`journalctl MESSAGE_ID=…`,
/// `journalctl INSPECTD_OFFICE=…`) and whose `MESSAGE_ID` `journalctl -x` explains from `inspectd.catalog`:
///
/// ```
/// MESSAGE=Late arrival: CB-0042 at UBND-TP, 25 min
/// MESSAGE_ID=0f102273590240e7b6a931a224da2326
/// PRIORITY=4
/// SYSLOG_IDENTIFIER=inspectd
/// INSPECTD_OFFICE=UBND-TP
/// INSPECTD_MINUTES=25
/// INSPECTD_EVENT_ID=17
/// ```
///
/// `sd_journal_sendv` returns 0 and drops the entry when journald's socket does not exist, and fails with
/// `ECONNREFUSED` when a dead journald left its socket behind. The writer checks the socket before sending and the
/// result after, and in both failure cases writes the event as one readable line to stderr instead (which systemd
/// itself captures when the service runs under it):
///
/// ```
/// inspectd[812]: warning: Late arrival: CB-0042 at UBND-TP, 25 min [KIND=violation-recorded EVENT_ID=17 …]
/// ```
///
/// The outbox sends an event the journal refused again at every retry; its stderr line is written the first time
/// only, so a log without a journald holds each event once (``FallbackEchoes``).
///
/// - Important: If journald goes away between the check and the send, libsystemd still drops the entry silently;
///   no client can close that window.
public struct JournalWriter: EventSink {
    /// Where journald listens for native-protocol datagrams; libsystemd sends nowhere else.
    public static let journalSocketPath = "/run/systemd/journal/socket"

    /// `SYSLOG_IDENTIFIER=`: `inspectd` for the daemon, `inspectctl` for the CLI.
    public let identifier: String
    let socketPath: String
    private let fallback: @Sendable (String) -> Void
    private let echoes = FallbackEchoes()

    /// - Parameters:
    ///   - identifier: The program name entries carry (`inspectd` or `inspectctl`).
    ///   - socketPath: The socket whose presence says a journald listens. Only tests change it, to a missing path
    ///     that forces the fallback: `sd_journal_sendv` always sends to ``journalSocketPath``.
    ///   - fallback: Receives each fallback line, without its newline. Production writes it to stderr.
    public init(
        identifier: String,
        socketPath: String = JournalWriter.journalSocketPath,
        fallback: @escaping @Sendable (String) -> Void = StandardError.writeLine
    ) {
        self.identifier = identifier
        self.socketPath = socketPath
        self.fallback = fallback
    }

    /// Reports `event` as one entry, or as one stderr line when the journal cannot take it.
    /// - Parameter eventID: The outbox row's id, sent as `INSPECTD_EVENT_ID` so that an entry sent twice (a crash
    ///   between sending and marking the row) can be recognised; nil for events without an outbox row.
    @discardableResult
    public func send(_ event: Event, eventID: String? = nil) -> DeliveryOutcome {
        let outcome = attempt(event, eventID: eventID)
        if outcome == .journaled {
            echoes.forget(event, eventID: eventID)
        } else if echoes.isFirst(event, eventID: eventID) {
            fallback(FallbackLine.format(event, eventID: eventID, identifier: identifier, pid: getpid()))
        }
        return outcome
    }

    public func deliver(_ event: Event, eventID: Int64?) -> Delivery {
        switch send(event, eventID: eventID.map(String.init)) {
        case .journaled: .journaled
        case .fellBack(let reason): .fellBack(reason: reason.description)
        }
    }

    private func attempt(_ event: Event, eventID: String?) -> DeliveryOutcome {
        if let bad = event.fields.keys.sorted().first(where: { !Event.isValidFieldName($0) }) {
            return .fellBack(.invalidFieldName(bad))
        }
        guard access(socketPath, W_OK) == 0 else {
            return .fellBack(.noJournal(socketPath: socketPath, errno: errno))
        }
        let result = Self.sendv(assignments(for: event, eventID: eventID))
        return result < 0 ? .fellBack(.sendFailed(errno: -result)) : .journaled
    }

    /// The entry's `FIELD=value` assignments. An explicit `eventID` replaces an `EVENT_ID` field of the event.
    func assignments(for event: Event, eventID: String?) -> [String] {
        var result = [
            "MESSAGE=\(event.message)",
            "MESSAGE_ID=\(event.kind.messageID)",
            "PRIORITY=\(event.priority.rawValue)",
            "SYSLOG_IDENTIFIER=\(identifier)",
        ]
        for field in event.journalFields(replacingEventID: eventID) {
            result.append("INSPECTD_\(field.name)=\(field.value)")
        }
        if let eventID {
            result.append("INSPECTD_EVENT_ID=\(eventID)")
        }
        return result
    }

    /// Sends the assignments as one entry. libsystemd picks the binary-safe encoding for values with newlines.
    static func sendv(_ assignments: [String]) -> Int32 {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for assignment in assignments {
            let start = bytes.count
            bytes.append(contentsOf: assignment.utf8)
            ranges.append(start..<bytes.count)
        }
        return bytes.withUnsafeMutableBytes { buffer in
            let vectors = ranges.map { iovec(iov_base: buffer.baseAddress! + $0.lowerBound, iov_len: $0.count) }
            return lazy_sd_journal_sendv(vectors, Int32(vectors.count))
        }
    }
}
