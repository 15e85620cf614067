/// Dates as reports write them: `01/01/2027` in Vietnamese, `1 January 2027` in English.
public enum ReportDates {
    private static let monthsEN = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    public static func day(_ date: CivilDate, _ language: Language) -> String {
        switch language {
        case .vi: "\(two(date.day))/\(two(date.month))/\(date.year)"
        case .en: "\(date.day) \(monthsEN[date.month - 1]) \(date.year)"
        }
    }

    /// `01/2027` / `January 2027`.
    public static func month(_ month: ReportMonth, _ language: Language) -> String {
        switch language {
        case .vi: "\(two(month.month))/\(month.year)"
        case .en: "\(monthsEN[month.month - 1]) \(month.year)"
        }
    }

    /// `01/01/2027 – 31/03/2027`: the first and last local day of `period`.
    public static func span(_ period: ReportPeriod, zone: LocalZone, _ language: Language) -> String {
        day(period.firstDay(in: zone), language) + " – " + day(period.lastDay(in: zone), language)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
