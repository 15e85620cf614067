/// How far back a rule counts: `D days` of the calendar or `D working days`, always ending on the day of the
/// finding that closes the window.
///
/// Windows are whole local dates, not spans of seconds: "3 times in 30 days" is about days, and a late arrival at
/// 07:50 must count the same as one at 16:00. A window of `D days` ending on date `d` holds the dates
/// `d − (D − 1) … d`: with 30 days, a finding on 1 March and one on 30 March are in one window; one on 31 March is
/// not in a window with the first. A window of `D working days` ending on `d` starts on the D-th working day counted
/// back from `d` (`d` itself counting when it is a working day) and holds every date from there to `d`, days off
/// included, so a finding recorded on a Saturday still counts.
public enum EscalationWindow: Hashable, Sendable, Codable, CustomStringConvertible {
    case days(Int)
    case workingDays(Int)

    /// The longest window a rule may have, in either unit: ten years.
    public static let longest = 3660

    /// The first date of the window that ends on `last`.
    ///
    /// For working days, when fewer than the window's count lie within `WorkCalendar.searchLimitDays` before
    /// `last` (a calendar with hardly any working day), the window reaches back that limit and no further.
    public func firstDay(endingOn last: CivilDate, calendar: WorkCalendar) -> CivilDate {
        switch self {
        case .days(let count):
            return last.adding(days: -(count - 1))
        case .workingDays(let count):
            var remaining = count
            var date = last
            for _ in 0..<max(WorkCalendar.searchLimitDays, count * 3) {
                if calendar.isWorkingDay(date) {
                    remaining -= 1
                    if remaining == 0 { return date }
                }
                date = date.adding(days: -1)
            }
            return date.adding(days: 1)
        }
    }

    /// `30 days`, `1 day`, `20 working days`, `1 working day`: what a rule writes.
    public var description: String {
        switch self {
        case .days(let count): count == 1 ? "1 day" : "\(count) days"
        case .workingDays(let count): count == 1 ? "1 working day" : "\(count) working days"
        }
    }

    /// The number of days or working days.
    public var count: Int {
        switch self {
        case .days(let count), .workingDays(let count): count
        }
    }

    /// Parses `N days`, `N day`, `Nd`, `N working days` or `N working day` (N from 1 to `longest`); nil otherwise.
    public init?(parsing text: String) {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        func number(_ word: Substring) -> Int? {
            guard !word.isEmpty, word.count <= 5, word.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(word),
                (1...Self.longest).contains(value)
            else { return nil }
            return value
        }
        switch words.count {
        case 1 where words[0].hasSuffix("d"):
            guard let count = number(words[0].dropLast()) else { return nil }
            self = .days(count)
        case 2 where words[1] == "day" || words[1] == "days":
            guard let count = number(words[0]) else { return nil }
            self = .days(count)
        case 3 where words[1] == "working" && (words[2] == "day" || words[2] == "days"):
            guard let count = number(words[0]) else { return nil }
            self = .workingDays(count)
        default:
            return nil
        }
    }

    /// Decodes the text `description` writes.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let window = EscalationWindow(parsing: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not N days or N working days"))
        }
        self = window
    }

    /// Encodes as `description`: `30 days`, `20 working days`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
