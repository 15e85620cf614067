import Dispatch
import Foundation
import InspectCore

/// Where the daemon reads the time: the wall clock for instants, a monotonic clock to tell a jump of the wall clock
/// from time passing. Tests pass a hand-set one and drive the daemon without sleeping.
public struct DaemonClock: Sendable {
    public var now: @Sendable () -> Instant
    /// Seconds since any fixed origin, never jumping.
    public var uptime: @Sendable () -> Int64

    public init(now: @escaping @Sendable () -> Instant, uptime: @escaping @Sendable () -> Int64) {
        self.now = now
        self.uptime = uptime
    }

    /// The system's clocks.
    public static let system = DaemonClock(
        now: { Instant(Date()) }, uptime: { Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000_000) })
}
