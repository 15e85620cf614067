import InspectCore

/// Where events go once they leave the outbox: the journal in production, a recording double in tests.
///
/// A sink never throws: when the journal cannot take an event it still writes the event somewhere readable
/// (stderr) and says so in the outcome. Whether a fallback counts as delivered is the caller's decision: the outbox
/// flusher may keep the row and retry once a journald is back.
public protocol EventSink: Sendable {
    /// Reports `event` as one entry.
    ///
    /// - Parameters:
    ///   - event: What happened.
    ///   - eventID: The outbox row's id, sent as `INSPECTD_EVENT_ID` so that an entry sent twice (a crash between
    ///     sending and marking the row) can be recognised. `nil` for events that have no outbox row.
    /// - Returns: Whether the journal took the entry, or why it went to the fallback instead.
    func send(_ event: Event, eventID: String?) -> DeliveryOutcome
}

extension EventSink {
    /// Reports an event that has no outbox row.
    @discardableResult
    public func send(_ event: Event) -> DeliveryOutcome {
        send(event, eventID: nil)
    }
}

/// What became of one event.
public enum DeliveryOutcome: Equatable, Sendable {
    /// journald accepted the entry.
    case journaled
    /// The entry was written as one line to the fallback (stderr) because the journal could not take it.
    case fellBack(FallbackReason)
}

/// Why an event went to stderr rather than the journal.
public enum FallbackReason: Equatable, Sendable, CustomStringConvertible {
    /// No journald listens: its socket is missing or not writable (`errno` from `access(2)`).
    case noJournal(socketPath: String, errno: Int32)
    /// Sending failed; a socket left behind by a dead journald gives `ECONNREFUSED`.
    case sendFailed(errno: Int32)
    /// A field name is not `[A-Z0-9_]+` or starts with `_`; journald would drop the field or the entry.
    case invalidFieldName(String)

    public var description: String {
        switch self {
        case .noJournal(let path, let errno): "no journald listens on \(path): \(errorText(errno))"
        case .sendFailed(let errno): "sending to the journal failed: \(errorText(errno))"
        case .invalidFieldName(let name): "'\(name)' cannot be a journal field name"
        }
    }
}
