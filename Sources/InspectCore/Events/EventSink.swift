/// Where events go once their facts are committed: the journal in production, a recording double in tests.
public protocol EventSink: Sendable {
    /// Sends `event`; `eventID` is its outbox row id, sent along so each journal entry can be matched to its row.
    func deliver(_ event: Event, eventID: Int64?) -> Delivery

    /// Which of these events the sink already holds, among those sent with the field `RECORD=record`; nil when the
    /// sink cannot tell. Asked before sending again an event whose sender may have died between sending it and
    /// marking it sent, so that a crash does not put the event in the journal twice.
    func delivered(_ eventIDs: Set<Int64>, record: String) -> Set<Int64>?

    /// What the sink holds of the events sent with `RECORD=record`, for `verify` and `plan audit` to check the record
    /// against; nil when it cannot be read (no journald, or a user who may not read the system journal).
    func witnessed(record: String) -> Witnessed?
}

extension EventSink {
    /// A sink that keeps nothing witnesses nothing.
    public func witnessed(record: String) -> Witnessed? { nil }
}

/// What became of an event handed to an `EventSink`.
public enum Delivery: Sendable, Equatable {
    /// The journal accepted it.
    case journaled
    /// The journal was unreachable; the event was written somewhere readable (stderr) instead and must be sent again
    /// once the journal is back.
    case fellBack(reason: String)
}
