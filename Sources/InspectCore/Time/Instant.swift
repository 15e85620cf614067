import Foundation

/// A point in time to the second, as inspectd stores it: seconds since 1970-01-01 00:00:00 UTC.
///
/// The database holds instants as UTC integers; people see them in the configured local time zone. Keeping our own
/// integer type (rather than `Date`, a `Double`) makes equality exact, which the scheduler's "never twice" rules
/// depend on.
public struct Instant: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    /// The instant of `date`, truncated to the whole second.
    public init(_ date: Date) { seconds = Int64(date.timeIntervalSince1970.rounded(.down)) }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    public func adding(seconds delta: Int64) -> Instant { Instant(seconds: seconds + delta) }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.seconds < rhs.seconds }

    /// Decodes Unix seconds, or an ISO 8601 string with an offset.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Int64.self) {
            self.seconds = seconds
            return
        }
        let text = try container.decode(String.self)
        guard let instant = TimeParsing.iso8601(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an ISO 8601 time"))
        }
        self = instant
    }

    /// Encodes Unix seconds, or an ISO 8601 local time when the encoder's `userInfo[.displayZone]` names a zone
    /// (as the CLI's JSON output does, for people and scripts alike).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let zone = encoder.userInfo[.displayZone] as? LocalZone {
            try container.encode(zone.iso8601(self))
        } else {
            try container.encode(seconds)
        }
    }

    /// ISO 8601 in UTC: `2027-02-06T01:30:00Z`. Any value has one, even one far outside the calendar's years (an
    /// error message names the value it refuses).
    public var description: String {
        let days = Int(seconds.floorDiv(86400))
        // The remainder first: `days * 86400` does not fit in 64 bits for the most negative instants.
        let rest = Int((seconds % 86400 + 86400) % 86400)
        return "\(CivilDate(dayNumber: days))T\(TimeOfDay(secondsSinceMidnight: rest).fullDescription)Z"
    }
}

extension CodingUserInfoKey {
    /// A `LocalZone` under this key makes instants encode as local ISO 8601 text.
    public static let displayZone = CodingUserInfoKey(rawValue: "inspectd.displayZone")!
}

extension TimeOfDay {
    /// `HH:MM:SS`, always with seconds.
    public var fullDescription: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(hour)):\(two(minute)):\(two(second))"
    }
}

extension Int64 {
    /// Division rounding towards negative infinity.
    func floorDiv(_ divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
