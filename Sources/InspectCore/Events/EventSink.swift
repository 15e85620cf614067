/// Where events go once their facts are committed: the journal in production, a recording double in tests.
public protocol EventSink: Sendable {
    /// Sends `event`; `eventID` is its outbox row id, sent along so each journal entry can be matched to its row.
    func deliver(_ event: Event, eventID: Int64?) -> Delivery
}

/// What became of an event handed to an `EventSink`.
public enum Delivery: Sendable, Equatable {
    /// The journal accepted it.
    case journaled
    /// The journal was unreachable; the event was written somewhere readable (stderr) instead and must be sent again
    /// once the journal is back.
    case fellBack(reason: String)
}
