import Foundation
import InspectCore

/// The event sink the CLI sends its events to.
enum EventSinks {
    static func forCLI() -> any EventSink { StandardErrorSink() }
}

/// Interim sink until the journal writer is wired.
struct StandardErrorSink: EventSink {
    func deliver(_ event: Event, eventID: Int64?) -> Delivery {
        Output.error("inspectctl: \(event.priority.name): \(event.message)")
        return .fellBack(reason: "no journal writer")
    }
}
