import InspectCore

/// What became of one event handed to the ``JournalWriter``, in more detail than `Delivery` gives the outbox.
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
