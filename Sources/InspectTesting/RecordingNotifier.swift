import InspectSystemd
import Synchronization

/// A ``ServiceNotifier`` that keeps the notifications it is given, so tests can assert their order
/// (`[.ready(status: …), .watchdogPing, .stopping]`).
public final class RecordingNotifier: ServiceNotifier {
    /// One notification, as the daemon meant it.
    public enum Notification: Equatable, Sendable {
        case ready(status: String?)
        case reloading
        case stopping
        case status(String)
        case watchdogPing
    }

    public let watchdogInterval: Duration?
    private let recorded = Mutex<[Notification]>([])

    /// - Parameter watchdogInterval: What the daemon is told its watchdog interval is; `nil` for no watchdog.
    public init(watchdogInterval: Duration? = nil) {
        self.watchdogInterval = watchdogInterval
    }

    /// Every notification so far, in order.
    public var notifications: [Notification] { recorded.withLock { $0 } }

    @discardableResult public func ready(status: String?) -> NotifyOutcome { record(.ready(status: status)) }
    @discardableResult public func reloading() -> NotifyOutcome { record(.reloading) }
    @discardableResult public func stopping() -> NotifyOutcome { record(.stopping) }
    @discardableResult public func status(_ text: String) -> NotifyOutcome { record(.status(text)) }
    @discardableResult public func watchdogPing() -> NotifyOutcome { record(.watchdogPing) }

    private func record(_ notification: Notification) -> NotifyOutcome {
        recorded.withLock { $0.append(notification) }
        return .sent
    }
}
