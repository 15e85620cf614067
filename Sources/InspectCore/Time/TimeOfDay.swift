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
        var utf8 = text.utf8.makeIterator()
        guard let hour = Digits.read(2, from: &utf8), utf8.next() == UInt8(ascii: ":"),
            let minute = Digits.read(2, from: &utf8)
        else { return nil }
        var second = 0
        switch utf8.next() {
        case nil:
            break
        case UInt8(ascii: ":"):
            guard let value = Digits.read(2, from: &utf8), utf8.next() == nil else { return nil }
            second = value
        default:
            return nil
        }
        guard hour < 24, minute < 60, second < 60 else { return nil }
        self.init(hour: hour, minute: minute, second: second)
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
