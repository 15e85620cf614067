import CSystemd
import Glibc
import InspectCore

/// Notifies systemd through `sd_notify(3)`, which sends to the socket named by `$NOTIFY_SOCKET`.
///
/// libsystemd reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` from the process environment at each call.
/// They are left set (inspectd starts no child that could notify in its name), so a test can point the notifier at
/// a socket of its own by setting them.
///
/// ```swift
/// let notifier = SystemdNotifier()
/// notifier.ready(status: "Watching 12 offices")
/// ```
public struct SystemdNotifier: ServiceNotifier {
    public let watchdogInterval: Duration?

    /// Reads the watchdog settings once: systemd sets them when it starts the service and never changes them.
    public init() {
        var microseconds: UInt64 = 0
        if lazy_sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 {
            watchdogInterval = .microseconds(Int64(microseconds / 2))
        } else {
            watchdogInterval = nil
        }
    }

    @discardableResult
    public func ready(status: String?) -> NotifyOutcome {
        notify(["READY=1"] + (status.map { ["STATUS=\(Self.oneLine($0))"] } ?? []))
    }

    /// `MONOTONIC_USEC=` lets systemd ≥ 253 tell this reload's `READY=1` from an earlier one (`Type=notify-reload`);
    /// older versions ignore it.
    @discardableResult
    public func reloading() -> NotifyOutcome {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let microseconds = Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
        return notify(["RELOADING=1", "MONOTONIC_USEC=\(microseconds)"])
    }

    @discardableResult
    public func stopping() -> NotifyOutcome {
        notify(["STOPPING=1"])
    }

    @discardableResult
    public func status(_ text: String) -> NotifyOutcome {
        notify(["STATUS=\(Self.oneLine(text))"])
    }

    @discardableResult
    public func watchdogPing() -> NotifyOutcome {
        notify(["WATCHDOG=1"])
    }

    private func notify(_ assignments: [String]) -> NotifyOutcome {
        let result = lazy_sd_notify(0, assignments.joined(separator: "\n"))
        if result > 0 { return .sent }
        return result == 0 ? .notSupervised : .failed(errno: -result)
    }

    /// A status line with its line breaks turned into spaces: a newline would start another assignment, so a status
    /// could otherwise say `READY=1` by accident.
    static func oneLine(_ text: String) -> String {
        // `systemctl status` shows it on a terminal: other controls are escaped as inspectd's own output is.
        TerminalText.escaped(String(text.map { $0.isNewline ? " " : $0 }))
    }
}
