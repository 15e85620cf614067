/// The lunar months from one month 11 (the month of a winter solstice) to the day before the next: a "solar year"
/// of the lunisolar calendar, twelve or thirteen months long.
///
/// It is the unit in which the leap month is decided, so every conversion starts by laying one out. The year ending
/// in Gregorian year `Y` holds months 11 and 12 of lunar year `Y - 1`, then months 1 to 10 of lunar year `Y`.
struct LunarYear {
    struct Month {
        /// The `CivilDate.dayNumber` of the month's first day.
        var firstDay: Int
        var number: Int
        var isLeap: Bool
    }

    /// The months in order, starting with month 11.
    let months: [Month]
    /// The first day of the next month 11, just past the last month.
    let end: Int
    /// The Gregorian year of the solstice that ends this year (the `Y` above).
    let endYear: Int

    init(endingIn year: Int, calendar: LunarCalendar) {
        let first = calendar.month11Lunation(of: year - 1)
        let next = calendar.month11Lunation(of: year)
        let starts = (first...next).map { calendar.newMoonDay(lunation: $0) }
        endYear = year
        end = starts.last!
        // With thirteen months, the leap month is the first after month 11 in which the sun enters no new sector.
        let leapIndex =
            starts.count == 14
            ? (1...12).first {
                calendar.sunSector(atStartOf: starts[$0]) == calendar.sunSector(atStartOf: starts[$0 + 1])
            }
            : nil
        months = starts.dropLast().enumerated().map { index, firstDay in
            let sequence = index - (leapIndex.map { index >= $0 ? 1 : 0 } ?? 0)
            return Month(firstDay: firstDay, number: (sequence + 10) % 12 + 1, isLeap: index == leapIndex)
        }
    }

    /// Months 11 and 12 come before the new year, so they belong to the previous lunar year.
    func lunarYear(of month: Month) -> Int { month.number >= 11 ? endYear - 1 : endYear }

    /// 29 or 30.
    func length(ofMonthAt index: Int) -> Int {
        (index + 1 < months.count ? months[index + 1].firstDay : end) - months[index].firstDay
    }
}
