import Foundation

/// A date and a wall-clock time in some zone, without saying which.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: CivilDate
    public var time: TimeOfDay

    public init(date: CivilDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }

    /// `YYYY-MM-DD HH:MM` (seconds shown only when not zero).
    public var description: String { "\(date) \(time)" }
}

/// The time zone inspectd shows and reads local times in (default `Asia/Ho_Chi_Minh`, UTC+7).
///
/// Converts between stored instants and local dates and times. A local time that does not exist (skipped by a
/// daylight-saving change) maps to the same wall time shifted by the gap; an ambiguous one maps to its earlier
/// instant. Vietnam has had no such changes since 1975, but plans may name other zones.
public struct LocalZone: Hashable, Sendable, CustomStringConvertible {
    public let timeZone: TimeZone

    public init(_ timeZone: TimeZone) { self.timeZone = timeZone }

    /// The zone named by an IANA identifier such as `Asia/Ho_Chi_Minh`, or nil when unknown.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(zone)
    }

    /// inspectd's default zone: Vietnam, UTC+7.
    public static let vietnam = LocalZone(TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
    /// UTC, for tests and for zone-less computations.
    public static let utc = LocalZone(TimeZone(identifier: "UTC")!)

    public var identifier: String { timeZone.identifier }
    public var description: String { timeZone.identifier }

    /// Seconds east of UTC in force at `instant`.
    public func offset(at instant: Instant) -> Int {
        timeZone.secondsFromGMT(for: instant.date)
    }

    /// The local date and time of `instant`, for an instant of the years 1–9999 (one outside is read as the nearest
    /// end: a stored time from before limits were checked must show as nonsense, not stop the program).
    public func local(_ instant: Instant) -> LocalDateTime {
        let seconds = min(max(instant.seconds, Self.readable.lowerBound), Self.readable.upperBound)
        let shifted = seconds + Int64(offset(at: Instant(seconds: seconds)))
        let days = shifted.floorDiv(86400)
        return LocalDateTime(
            date: CivilDate(dayNumber: Int(days)),
            time: TimeOfDay(secondsSinceMidnight: Int(shifted - days * 86400)))
    }

    /// The instants ``local(_:)`` reads: 0001-01-01 to 9999-12-31 (UTC).
    static let readable: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// The instant at which the local clock shows `local`.
    public func instant(_ local: LocalDateTime) -> Instant {
        let wall = Int64(local.date.dayNumber) * 86400 + Int64(local.time.secondsSinceMidnight)
        // The common case: the same offset a day either side, so no change of offset can make `local` skipped or
        // ambiguous.
        let before = offset(at: Instant(seconds: wall - 86400))
        if before == offset(at: Instant(seconds: wall + 86400)) { return Instant(seconds: wall - Int64(before)) }
        // Try the offsets in force a day either side; keep the earliest that reads back as `local`.
        let candidates = Set([-86400, 0, 86400].map { offset(at: Instant(seconds: wall + Int64($0))) })
        let exact = candidates.map { Instant(seconds: wall - Int64($0)) }.filter { self.local($0) == local }
        if let earliest = exact.min() { return earliest }
        // The wall time was skipped: use the offset before the gap, which lands after it.
        return Instant(seconds: wall - Int64(before))
    }

    /// `2027-02-06T07:52:00+07:00`: the local time of `instant` with its offset.
    public func iso8601(_ instant: Instant) -> String {
        let local = local(instant)
        let offset = offset(at: instant)
        let sign = offset < 0 ? "-" : "+"
        let zone = TimeOfDay(secondsSinceMidnight: abs(offset)).fullDescription.prefix(5)
        return "\(local.date)T\(local.time.fullDescription)\(sign)\(zone)"
    }

    /// `2027-02-06 07:52`: how people read a local time.
    public func display(_ instant: Instant) -> String { local(instant).description }

    /// The instant of local midnight starting `date`.
    public func startOfDay(_ date: CivilDate) -> Instant {
        instant(LocalDateTime(date: date, time: TimeOfDay(secondsSinceMidnight: 0)))
    }
}
