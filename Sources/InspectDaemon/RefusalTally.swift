import InspectCore
import InspectService

/// Refused calls, reported without letting a flood of them grow the record: a user's first refusal is reported at
/// once (an alert should not wait), the ones after it within the minute are counted and reported together when the
/// minute ends. A user sending ten thousand refused calls costs two outbox rows and two journal entries a minute.
struct RefusalTally: Sendable {
    /// How long refusals after the first are counted before they are reported.
    static let interval: Int64 = 60

    private struct Counted: Sendable {
        var role: Role
        var since: Instant
        var methods: [String: Int] = [:]
    }

    /// Per user: when their current minute began, and what was refused since.
    private var users: [String: Counted] = [:]

    /// Counts one refusal; returns the event to report now, for the first refusal of `caller` in a minute.
    mutating func refused(_ caller: Caller, method: String, error: InspectError, at now: Instant) -> Event? {
        if users[caller.user] != nil {
            users[caller.user]!.methods[method, default: 0] += 1
            return nil
        }
        users[caller.user] = Counted(role: caller.role, since: now)
        return Event(
            kind: .accessDenied, message: "\(method) refused for \(caller.user): \(error)",
            fields: ["USER": caller.user, "METHOD": method, "ROLE": caller.role.rawValue, "COUNT": "1"])
    }

    /// When the earliest counted minute ends, if any user is being counted.
    var nextReport: Instant? {
        users.values.map { $0.since.adding(seconds: Self.interval) }.min()
    }

    /// The events of the minutes ended by `now`: one per user with refusals counted.
    mutating func report(at now: Instant) -> [Event] {
        var events: [Event] = []
        for (user, counted) in users.sorted(by: { $0.key < $1.key })
        where counted.since.adding(seconds: Self.interval) <= now {
            users[user] = nil
            let total = counted.methods.values.reduce(0, +)
            guard total > 0 else { continue }
            let methods = counted.methods.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
            events.append(
                Event(
                    kind: .accessDenied,
                    message: "\(total) more calls refused for \(user) (\(counted.role.rawValue)) within a minute: "
                        + methods,
                    fields: [
                        "USER": user, "ROLE": counted.role.rawValue, "COUNT": String(total),
                        "METHOD": counted.methods.max { $0.value < $1.value }?.key ?? "",
                    ]))
        }
        return events
    }
}
