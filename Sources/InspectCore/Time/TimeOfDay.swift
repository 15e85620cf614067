/// A wall-clock time within a day, to the second: "07:52" or "13:30:15".
public struct TimeOfDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Seconds since local midnight, 0 ..< 86400.
    public var secondsSinceMidnight: Int

    public init(hour: Int, minute: Int, second: Int = 0) {
        secondsSinceMidnight = hour * 3600 + minute * 60 + second
    }

    public init(secondsSinceMidnight: Int) {
        self.secondsSinceMidnight = secondsSinceMidnight
    }

    /// Parses `HH:MM` or `HH:MM:SS` (24-hour clock); nil when malformed or out of range.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let numbers = parts.map { Int($0)! }
        let second = numbers.count == 3 ? numbers[2] : 0
        guard numbers[0] < 24, numbers[1] < 60, second < 60 else { return nil }
        self.init(hour: numbers[0], minute: numbers[1], second: second)
    }

    public var hour: Int { secondsSinceMidnight / 3600 }
    public var minute: Int { secondsSinceMidnight / 60 % 60 }
    public var second: Int { secondsSinceMidnight % 60 }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }

    /// `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let hm = "\(two(hour)):\(two(minute))"
        return second == 0 ? hm : "\(hm):\(two(second))"
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = TimeOfDay(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a time"))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
