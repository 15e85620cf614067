import Foundation

/// Which days are public holidays and which weekly rest days are worked, year by year.
///
/// A year's days off are its announcement's when one is configured (`HolidayAnnouncement`, from
/// `holidays.d/YYYY.conf`) and replaces the defaults; otherwise the computed statutory holidays
/// (`StatutoryHolidays`), plus the announcement's days when it only adds to them. Make-up working days come only from
/// announcements.
///
/// ```swift
/// let holidays = HolidayCalendar()
/// holidays.holiday(on: CivilDate(year: 2026, month: 2, day: 17))?.name  // "Lunar New Year"
/// ```
public struct HolidayCalendar: Sendable {
    public let lunar: LunarCalendar
    /// The days of the week offices rest, for compensating holidays that fall on them.
    public let weeklyRestDays: Set<Weekday>
    /// The configured announcements, by year.
    public let announcements: [Int: HolidayAnnouncement]
    private let cache = YearCache()

    /// - Parameters:
    ///   - lunar: the calendar giving Tết and Giỗ Tổ; the Vietnamese one by default.
    ///   - weeklyRestDays: Saturday and Sunday by default.
    ///   - announcements: yearly announcements; when two give the same year, the later one is used.
    public init(
        lunar: LunarCalendar = .vietnam, weeklyRestDays: Set<Weekday> = [.saturday, .sunday],
        announcements: [HolidayAnnouncement] = []
    ) {
        self.lunar = lunar
        self.weeklyRestDays = weeklyRestDays
        self.announcements = Dictionary(announcements.map { ($0.year, $0) }, uniquingKeysWith: { _, later in later })
    }

    /// The day off on `date`, if any. When two fall on the same date, the announced one, or the first listed.
    public func holiday(on date: CivilDate) -> Holiday? {
        year(date.year).holidaysByDate[date]
    }

    /// The make-up working day on `date`, if one is announced.
    public func makeUpWorkingDay(on date: CivilDate) -> MakeUpWorkingDay? {
        year(date.year).makeUpByDate[date]
    }

    /// Whether `date` is a weekly rest day announced as a working day.
    public func isMakeUpWorkingDay(_ date: CivilDate) -> Bool { makeUpWorkingDay(on: date) != nil }

    /// Every day off of `year`, sorted by date: for listings such as `inspectctl holidays 2026`.
    public func holidays(in year: Int) -> [Holiday] { self.year(year).holidays }

    /// Every make-up working day of `year`, sorted by date.
    public func makeUpWorkingDays(in year: Int) -> [MakeUpWorkingDay] {
        self.year(year).makeUpByDate.values.sorted { $0.date < $1.date }
    }

    // MARK: - One year's days

    /// The days off and worked days of one Gregorian year, looked up by date.
    struct Year: Sendable {
        var holidays: [Holiday]
        var holidaysByDate: [CivilDate: Holiday]
        var makeUpByDate: [CivilDate: MakeUpWorkingDay]
    }

    private func year(_ year: Int) -> Year {
        cache.value(for: year) { compute(year) }
    }

    private func compute(_ year: Int) -> Year {
        let announcement = announcements[year]
        let computed =
            announcement?.replacesDefaults == true
            ? [] : StatutoryHolidays.holidays(in: year, lunar: lunar, weeklyRestDays: weeklyRestDays)
        let announced = announcement?.daysOff ?? []
        // Stable sort: on a shared date the announced day comes first and is the one looked up.
        let holidays = (announced + computed).enumerated().sorted {
            ($0.element.date, $0.offset) < ($1.element.date, $1.offset)
        }.map(\.element)
        return Year(
            holidays: holidays,
            holidaysByDate: Dictionary(holidays.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first }),
            makeUpByDate: Dictionary(
                (announcement?.makeUpWorkingDays ?? []).map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first }))
    }
}

/// Computed years, kept because the working calendar asks about the same few years thousands of times.
///
/// A class behind a lock so `HolidayCalendar` stays a `Sendable` value whose copies share the work; the cached data
/// is a pure function of the calendar's immutable inputs, so sharing it is unobservable.
private final class YearCache: @unchecked Sendable {
    private let lock = NSLock()
    private var years: [Int: HolidayCalendar.Year] = [:]

    func value(for year: Int, compute: () -> HolidayCalendar.Year) -> HolidayCalendar.Year {
        if let cached = lock.withLock({ years[year] }) { return cached }
        let value = compute()
        lock.withLock { years[year] = value }
        return value
    }
}
