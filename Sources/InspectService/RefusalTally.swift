import InspectCore

/// Refused calls, reported without letting a flood of them grow the record: a user's first refusal is reported at
/// once (an alert should not wait), the ones after it within the interval (a minute) are counted and reported
/// together when the interval ends, or when the daemon stops. A user sending ten thousand refused calls costs two
/// outbox rows and two journal entries a minute.
///
/// The daemon keeps one for as long as it runs. inspectctl's direct mode makes one call per process, so each of its
/// refusals is the first of its interval and is reported at once (``InspectService/recordRefusal(_:method:error:)``).
public struct RefusalTally: Sendable {
    /// The interval unless one is given.
    public static let defaultInterval: Int64 = 60

    /// How long refusals after the first are counted before they are reported, in seconds.
    public let interval: Int64

    public init(interval: Int64 = defaultInterval) {
        self.interval = interval
    }

    private struct Counted: Sendable {
        var role: Role
        /// When the interval began, in seconds of the monotonic clock its caller passes (the daemon's uptime).
        var since: Int64
        var methods: [String: Int] = [:]
    }

    /// The interval in words: "a minute", "5 seconds".
    private var span: String {
        switch interval {
        case 60: "a minute"
        case 1: "a second"
        case _ where interval % 60 == 0: "\(interval / 60) minutes"
        default: "\(interval) seconds"
        }
    }

    /// Per user: when their current interval began, and what was refused since.
    private var users: [String: Counted] = [:]

    /// Counts one refusal; returns the event to report now, for the first refusal of `caller` in an interval.
    /// - Parameter now: Seconds of the monotonic clock: an interval is counted on a clock that neither jumps nor
    ///   stands still with the wall clock (set back by an hour, or stopped, it would hold the report back as long).
    public mutating func refused(_ caller: Caller, method: String, error: InspectError, at now: Int64) -> Event? {
        if users[caller.user] != nil {
            users[caller.user]!.methods[method, default: 0] += 1
            return nil
        }
        users[caller.user] = Counted(role: caller.role, since: now)
        return Event(
            kind: .accessDenied, message: "\(method) refused for \(caller.user): \(error)",
            fields: ["USER": caller.user, "METHOD": method, "ROLE": caller.role.rawValue, "COUNT": "1"])
    }

    /// When the earliest counted interval ends (monotonic seconds), if any user is being counted.
    public var nextReport: Int64? {
        users.values.map { $0.since + interval }.min()
    }

    /// The events of the intervals ended by `now` (monotonic seconds): one per user with refusals counted.
    public mutating func report(at now: Int64) -> [Event] {
        let interval = interval
        return report { $0.since + interval <= now }
    }

    /// The events of every interval, ended or not, as the daemon stops: counted refusals are not lost.
    public mutating func flush() -> [Event] {
        report { _ in true }
    }

    private mutating func report(where ended: (Counted) -> Bool) -> [Event] {
        var events: [Event] = []
        for (user, counted) in users.sorted(by: { $0.key < $1.key }) where ended(counted) {
            users[user] = nil
            let total = counted.methods.values.reduce(0, +)
            guard total > 0 else { continue }
            let methods = counted.methods.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
            events.append(
                Event(
                    kind: .accessDenied,
                    message: "\(total) more calls refused for \(user) (\(counted.role.rawValue)) within \(span): "
                        + methods,
                    fields: [
                        "USER": user, "ROLE": counted.role.rawValue, "COUNT": String(total),
                        "METHOD": counted.methods.max { $0.value < $1.value }?.key ?? "",
                    ]))
        }
        return events
    }
}
