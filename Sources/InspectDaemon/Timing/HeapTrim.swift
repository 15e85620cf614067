import InspectCore

/// When to give freed heap pages back to the system: after a wake-up, at most once a minute. glibc keeps them
/// otherwise, and a daemon that runs for months would stay at the size of its busiest moment (the year simulation's
/// resident memory rose 5 MiB over the year without this, and stays flat with it).
struct HeapTrim: Equatable, Sendable {
    static let interval: Int64 = 60

    private(set) var last: Instant?

    /// Whether to trim now; if so, counts it as done.
    mutating func due(at now: Instant) -> Bool {
        if let last, abs(now.seconds - last.seconds) < Self.interval { return false }
        last = now
        return true
    }
}
