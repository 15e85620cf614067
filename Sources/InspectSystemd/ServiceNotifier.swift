/// Tells the service manager how the service is doing: the `sd_notify(3)` states inspectd uses.
///
/// The daemon holds one of these rather than calling libsystemd directly, so its tests can assert the order of
/// notifications with a recording double.
public protocol ServiceNotifier: Sendable {
    /// How often to call ``watchdogPing()``: half the unit's `WatchdogSec=` as `sd_watchdog_enabled(3)` recommends,
    /// or `nil` when no watchdog is set for this process.
    var watchdogInterval: Duration? { get }

    /// Start-up (or a reload) is complete: `READY=1`, with an optional one-line `STATUS=`.
    @discardableResult func ready(status: String?) -> NotifyOutcome
    /// A reload (SIGHUP) has begun: `RELOADING=1` with `MONOTONIC_USEC=`. Call ``ready(status:)`` when it is done.
    @discardableResult func reloading() -> NotifyOutcome
    /// A graceful stop has begun: `STOPPING=1`.
    @discardableResult func stopping() -> NotifyOutcome
    /// A one-line status for `systemctl status`: `STATUS=`.
    @discardableResult func status(_ text: String) -> NotifyOutcome
    /// The service is alive: `WATCHDOG=1`.
    @discardableResult func watchdogPing() -> NotifyOutcome
}

extension ServiceNotifier {
    /// `READY=1` without a status line.
    @discardableResult
    public func ready() -> NotifyOutcome {
        ready(status: nil)
    }
}

/// What became of one notification.
public enum NotifyOutcome: Equatable, Sendable {
    /// The service manager's socket received it.
    case sent
    /// `NOTIFY_SOCKET` is not set: the process is not supervised (run by hand, or not `Type=notify`).
    case notSupervised
    /// Sending failed with this `errno`.
    case failed(errno: Int32)
}
