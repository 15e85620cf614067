/// A day of the year without the year, `MM-DD`: the bounds of a season of working hours.
public struct MonthDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var month: Int
    public var day: Int

    /// Creates a month and day; nil unless the pair exists in some year (29 February does).
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: 2000) else { return nil }
        self.month = month
        self.day = day
    }

    /// The month and day of `date`.
    public init(_ date: CivilDate) {
        month = date.month
        day = date.day
    }

    /// Parses `MM-DD`.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let month = Int(parts[0]), let day = Int(parts[1])
        else { return nil }
        self.init(month: month, day: day)
    }

    public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool { (lhs.month, lhs.day) < (rhs.month, rhs.day) }

    /// `MM-DD`.
    public var description: String { "\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)" }
}

/// An inclusive span of days of the year, `from` through `to`, which wraps past 31 December when `to` comes before
/// `from` (a winter season 10-16 to 04-15).
public struct AnnualPeriod: Hashable, Sendable, CustomStringConvertible {
    public var from: MonthDay
    public var to: MonthDay

    public init(from: MonthDay, to: MonthDay) {
        self.from = from
        self.to = to
    }

    public func contains(_ date: CivilDate) -> Bool {
        let day = MonthDay(date)
        return from <= to ? from <= day && day <= to : day >= from || day <= to
    }

    /// `04-16..10-15`.
    public var description: String { "\(from)..\(to)" }
}
