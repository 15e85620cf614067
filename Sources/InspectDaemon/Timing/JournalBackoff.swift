import InspectCore

/// When to send the outbox again while the journal refuses events: 15 s after the first refusal, doubling up to
/// five minutes, and at once again after a success. A daemon without a journald thus tries a few times an hour, not
/// in a loop.
struct JournalBackoff: Equatable, Sendable {
    static let first: Int64 = 15
    static let longest: Int64 = 300

    /// When to try again; nil while the journal takes events.
    private(set) var retryAt: Instant?
    private(set) var delay: Int64 = 0

    /// The journal refused events at `now`. Only a refusal when a retry was due lengthens the wait: at start the
    /// daemon sends the outbox more than once, and each must not count as a failed retry.
    mutating func refused(at now: Instant) {
        if let retryAt, now < retryAt { return }
        delay = delay == 0 ? Self.first : min(delay * 2, Self.longest)
        retryAt = now.adding(seconds: delay)
    }

    /// The journal took every event.
    mutating func delivered() {
        delay = 0
        retryAt = nil
    }
}
