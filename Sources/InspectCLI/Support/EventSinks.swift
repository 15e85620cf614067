import InspectCore
import InspectSystemd

/// The event sink the CLI sends its events to: the journal, as `inspectctl`, or stderr when no journald listens.
enum EventSinks {
    static func forCLI() -> any EventSink { JournalWriter(identifier: "inspectctl") }
}
