/// A date on the lunisolar calendar: day 1–30 of month 1–12 (possibly the leap repeat of that month) of a year.
///
/// `year` is the Gregorian year in which the lunar year begins: lunar 10/3 of 2026 is Giỗ Tổ Hùng Vương 2026, even
/// though lunar 12/2025 ends in February 2026.
public struct LunarDate: Hashable, Sendable, Codable, CustomStringConvertible {
    public var day: Int
    public var month: Int
    public var year: Int
    /// Whether this is the leap month ("tháng nhuận") that repeats `month`.
    public var isLeapMonth: Bool

    public init(day: Int, month: Int, year: Int, isLeapMonth: Bool = false) {
        self.day = day
        self.month = month
        self.year = year
        self.isLeapMonth = isLeapMonth
    }

    /// `day/month/year` as Vietnamese calendars print it, with `+` after a leap month: `10/3/2026`, `15/2+/2023`.
    public var description: String { "\(day)/\(month)\(isLeapMonth ? "+" : "")/\(year)" }
}
