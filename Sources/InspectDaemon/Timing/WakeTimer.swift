import Dispatch
import Foundation
import InspectCore

/// The one timer of the daemon's loop: armed for the next instant on its agenda (and re-armed at every wake-up), it
/// calls the loop back then. Tests pass one they fire by hand.
public protocol WakeTimer: AnyObject {
    /// Sets what to call when the timer fires; called once, before the first ``arm(_:)``.
    func onFire(_ handler: @escaping () -> Void)
    /// Fires at `instant` (wall clock), replacing any earlier arming.
    func arm(_ instant: Instant)
}

/// A Dispatch wall-clock timer on the daemon's queue: it fires within about a millisecond of its instant, and after
/// the wall clock is set forward past it.
final class DispatchWakeTimer: WakeTimer {
    private let source: DispatchSourceTimer

    init(queue: DispatchQueue) {
        source = DispatchSource.makeTimerSource(queue: queue)
        // Resumed at once: it fires only once armed, and a source never resumed may not be cancelled.
        source.resume()
    }

    func onFire(_ handler: @escaping () -> Void) {
        source.setEventHandler(handler: handler)
    }

    func arm(_ instant: Instant) {
        source.schedule(wallDeadline: DispatchWallTime(timespec: timespec(tv_sec: Int(instant.seconds), tv_nsec: 0)))
    }

    deinit { source.cancel() }
}
