import Foundation

/// The Vietnamese (or Chinese) lunisolar calendar, computed astronomically for a given time zone.
///
/// Months start on the local day of a new moon; month 11 is the month containing the winter solstice; a year between
/// two months 11 with thirteen months gets a leap month, the first one containing no major solar term (no multiple of
/// 30° of the sun's longitude). This is Hồ Ngọc Đức's published method. The only difference between the Vietnamese
/// and the Chinese calendar is the meridian: Vietnam has computed at UTC+7 since 1968, China at UTC+8, so a new moon
/// shortly after 16:00 UT falls on different days and Tết or a leap month can move by a day or a month.
///
/// Foundation's `Calendar(identifier: .chinese)` agrees with `LunarCalendar.china`; its `.vietnamese` identifier
/// returns Gregorian fields on Linux, hence this type. Results are checked against Foundation for every day of
/// 1900–2100 and are reliable at least over that range. `LunarCalendar.vietnam` applies UTC+7 to earlier years too,
/// where Vietnam actually followed the UTC+8 calendar.
///
/// ```swift
/// let tet = LunarCalendar.vietnam.newYear(of: 2026)                              // 2026-02-17
/// let gioTo = try LunarCalendar.vietnam.solarDate(of: LunarDate(day: 10, month: 3, year: 2026))
/// ```
public struct LunarCalendar: Hashable, Sendable {
    /// The offset from UTC, in hours, of the meridian on which new moons and solar terms are dated.
    public let timeZoneHours: Double

    public init(timeZoneHours: Double) { self.timeZoneHours = timeZoneHours }

    /// The Vietnamese calendar, at UTC+7.
    public static let vietnam = LunarCalendar(timeZoneHours: 7)
    /// The Chinese calendar, at UTC+8.
    public static let china = LunarCalendar(timeZoneHours: 8)

    /// The lunar date of a Gregorian date.
    public func lunarDate(of date: CivilDate) -> LunarDate {
        let day = date.dayNumber
        var year = LunarYear(endingIn: date.year, calendar: self)
        if day >= year.end { year = LunarYear(endingIn: date.year + 1, calendar: self) }
        let index = year.months.lastIndex { $0.firstDay <= day }!
        let month = year.months[index]
        return LunarDate(
            day: day - month.firstDay + 1, month: month.number, year: year.lunarYear(of: month),
            isLeapMonth: month.isLeap)
    }

    /// The Gregorian date of a lunar date.
    /// - Throws: `InspectError.invalidInput` when the lunar date does not exist: a leap month in a year whose leap
    ///   month is another (or none), or day 30 of a 29-day month.
    public func solarDate(of date: LunarDate) throws -> CivilDate {
        guard (1...12).contains(date.month), (1...30).contains(date.day) else {
            throw InspectError.invalidInput("lunar date \(date) does not exist: months are 1–12, days 1–30")
        }
        // Months 11 and 12 of a lunar year lie in the solar year that ends with the next month 11.
        let year = LunarYear(endingIn: date.month >= 11 ? date.year + 1 : date.year, calendar: self)
        guard let index = year.months.firstIndex(where: { $0.number == date.month && $0.isLeap == date.isLeapMonth })
        else {
            let leap = year.months.first(where: \.isLeap).map { "its leap month is \($0.number)" } ?? "it has none"
            throw InspectError.invalidInput(
                "lunar date \(date) does not exist: lunar year \(date.year) has no leap month \(date.month) (\(leap))")
        }
        let length = year.length(ofMonthAt: index)
        guard date.day <= length else {
            throw InspectError.invalidInput(
                "lunar date \(date) does not exist: that month has \(length) days")
        }
        return CivilDate(dayNumber: year.months[index].firstDay + date.day - 1)
    }

    /// The Gregorian date of Tết, the first day of lunar year `year`.
    public func newYear(of year: Int) -> CivilDate {
        let months = LunarYear(endingIn: year, calendar: self).months
        return CivilDate(dayNumber: months.first { $0.number == 1 && !$0.isLeap }!.firstDay)
    }

    // MARK: - Astronomy on local days

    /// The local day (a `CivilDate.dayNumber`) on which the new moon of lunation `k` falls.
    func newMoonDay(lunation k: Int) -> Int {
        let local = LunarAstronomy.newMoon(lunation: k) + 0.5 + timeZoneHours / 24
        return Int(local.rounded(.down)) - LunarAstronomy.julianDayOfUnixEpoch
    }

    /// Which 30° sector of the ecliptic (0 ..< 12; 9 starts at the winter solstice) the sun is in at the local
    /// midnight starting `day`. A month contains a major term exactly when the sector changes during it.
    func sunSector(atStartOf day: Int) -> Int {
        let midnight = Double(day + LunarAstronomy.julianDayOfUnixEpoch) - 0.5 - timeZoneHours / 24
        return Int(LunarAstronomy.sunLongitude(julianDate: midnight) / (.pi / 6))
    }

    /// The lunation whose month contains the winter solstice of Gregorian `year`: lunar month 11.
    func month11Lunation(of year: Int) -> Int {
        let december31 = CivilDate(year: year, month: 12, day: 31).dayNumber + LunarAstronomy.julianDayOfUnixEpoch
        // The last new moon before the end of the year; if the sun has passed 270° when it starts, the solstice
        // belongs to the month before.
        let k = Int(((Double(december31) - LunarAstronomy.firstLunation) / LunarAstronomy.synodicMonth).rounded(.down))
        return sunSector(atStartOf: newMoonDay(lunation: k)) >= 9 ? k - 1 : k
    }
}
