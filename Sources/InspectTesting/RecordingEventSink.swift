import InspectCore
import Synchronization

/// An `EventSink` that keeps every event it is sent, for tests of whatever sends events (the outbox sender, the
/// daemon), and answers with the outcome the test chooses.
public final class RecordingEventSink: EventSink {
    /// One call to ``deliver(_:eventID:)``.
    public struct Record: Equatable, Sendable {
        public var event: Event
        public var eventID: Int64?
        public var outcome: Delivery
    }

    private struct State {
        var outcome: Delivery
        var records: [Record] = []
    }

    private let state: Mutex<State>

    /// - Parameter outcome: What deliveries report until ``outcome`` is changed: `.fellBack(…)` plays a missing
    ///   journald.
    public init(outcome: Delivery = .journaled) {
        state = Mutex(State(outcome: outcome))
    }

    /// What the next deliveries report.
    public var outcome: Delivery {
        get { state.withLock { $0.outcome } }
        set { state.withLock { $0.outcome = newValue } }
    }

    /// Every delivery so far, in order.
    public var records: [Record] { state.withLock { $0.records } }

    /// The events delivered so far, in order.
    public var events: [Event] { records.map(\.event) }

    public func deliver(_ event: Event, eventID: Int64?) -> Delivery {
        state.withLock { state in
            state.records.append(Record(event: event, eventID: eventID, outcome: state.outcome))
            return state.outcome
        }
    }

    /// The ids among `eventIDs` of the events it took (outcome `.journaled`) with the field `RECORD=record`.
    public func delivered(_ eventIDs: Set<Int64>, record: String) -> Set<Int64>? {
        state.withLock { state in
            Set(
                state.records.compactMap { entry in
                    guard entry.outcome == .journaled, entry.event.fields["RECORD"] == record, let id = entry.eventID,
                        eventIDs.contains(id)
                    else { return nil }
                    return id
                })
        }
    }

    /// What it took for `record`, as the journal would witness it.
    public func witnessed(record: String) -> Witnessed? {
        var witnessed = Witnessed()
        for entry in records where entry.outcome == .journaled && entry.event.fields["RECORD"] == record {
            var fields = entry.event.fields
            if let id = entry.eventID { fields["EVENT_ID"] = String(id) }
            witnessed.add(fields: fields)
        }
        return witnessed
    }
}
