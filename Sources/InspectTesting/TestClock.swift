import InspectCore
import Synchronization

/// A clock tests set and advance by hand.
public final class TestClock: Sendable {
    private let current: Mutex<Instant>

    public init(_ start: Instant) { current = Mutex(start) }

    /// Starts at a local time in Vietnam, e.g. `TestClock(local: "2027-03-01 08:00")`.
    public convenience init(local text: String, zone: LocalZone = .vietnam) {
        self.init(try! TimeParsing.instant(text, in: zone))
    }

    public var now: Instant { current.withLock { $0 } }

    public func advance(seconds: Int64) { current.withLock { $0 = $0.adding(seconds: seconds) } }

    public func set(_ instant: Instant) { current.withLock { $0 = instant } }

    /// The clock as the services take it.
    public var function: @Sendable () -> Instant { { self.now } }
}
