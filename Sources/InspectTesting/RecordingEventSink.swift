import InspectCore
import InspectSystemd
import Synchronization

/// An ``EventSink`` that keeps every event it is sent, for tests of whatever sends events (the outbox flusher, the
/// daemon), and reports the outcome the test chooses.
public final class RecordingEventSink: EventSink {
    /// One call to ``send(_:eventID:)``.
    public struct Delivery: Equatable, Sendable {
        public var event: Event
        public var eventID: String?
        public var outcome: DeliveryOutcome

        public init(event: Event, eventID: String?, outcome: DeliveryOutcome) {
            self.event = event
            self.eventID = eventID
            self.outcome = outcome
        }
    }

    private struct State {
        var outcome: DeliveryOutcome
        var deliveries: [Delivery] = []
    }

    private let state: Mutex<State>

    /// - Parameter outcome: What sends report until ``outcome`` is changed: `.fellBack(…)` plays a missing journald.
    public init(outcome: DeliveryOutcome = .journaled) {
        state = Mutex(State(outcome: outcome))
    }

    /// What the next sends report.
    public var outcome: DeliveryOutcome {
        get { state.withLock { $0.outcome } }
        set { state.withLock { $0.outcome = newValue } }
    }

    /// Every send so far, in order.
    public var deliveries: [Delivery] { state.withLock { $0.deliveries } }

    /// The events sent so far, in order.
    public var events: [Event] { deliveries.map(\.event) }

    public func send(_ event: Event, eventID: String?) -> DeliveryOutcome {
        state.withLock { state in
            state.deliveries.append(Delivery(event: event, eventID: eventID, outcome: state.outcome))
            return state.outcome
        }
    }
}
