import InspectCore

/// While the database cannot be written (a full or read-only file system, lost permissions): when to try again.
/// The first failure is the one to report; later ones only move the retry.
struct FaultRetry: Equatable, Sendable {
    /// How long to wait before writing again, unless a call writes sooner.
    static let interval: Int64 = 30

    /// When to try again; nil while writes work.
    private(set) var retryAt: Instant?

    var isFaulted: Bool { retryAt != nil }

    /// A write failed at `now`; returns whether this is a new fault (to report once).
    @discardableResult
    mutating func failed(at now: Instant) -> Bool {
        defer { retryAt = now.adding(seconds: Self.interval) }
        return retryAt == nil
    }

    /// A write worked again; returns whether a fault ended (to report).
    @discardableResult
    mutating func recovered() -> Bool {
        defer { retryAt = nil }
        return retryAt != nil
    }
}
