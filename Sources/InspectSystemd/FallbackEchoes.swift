import InspectCore
import Synchronization

/// The outbox events a ``JournalWriter`` has already written to stderr, so that each appears there once however
/// often the journal refuses it.
///
/// The outbox keeps an event the journal did not take and sends it again later (the daemon backs off from 15 s to
/// 5 min): without this, a daemon running without a journald would print "inspectd started" at every retry. An
/// event is known by its record (`RECORD`) and outbox id; one without an outbox id is written every time, as each
/// such send is a new event. Kept in memory: a process started again shows what is still waiting once more.
final class FallbackEchoes: Sendable {
    private let shown = Mutex<Set<String>>([])

    /// Whether `event` is shown for the first time, noting that it now is.
    func isFirst(_ event: Event, eventID: String?) -> Bool {
        guard let key = Self.key(event, eventID: eventID) else { return true }
        return shown.withLock { $0.insert(key).inserted }
    }

    /// Forgets an event once the journal took it, so that the set holds only what still waits.
    func forget(_ event: Event, eventID: String?) {
        guard let key = Self.key(event, eventID: eventID) else { return }
        _ = shown.withLock { $0.remove(key) }
    }

    private static func key(_ event: Event, eventID: String?) -> String? {
        eventID.map { (event.fields["RECORD"] ?? "") + "/" + $0 }
    }
}
