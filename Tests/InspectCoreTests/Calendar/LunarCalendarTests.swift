import Foundation
import InspectCore
import Testing

@Suite struct LunarCalendarTests {
    private static let firstDay = CivilDate(year: 1900, month: 1, day: 1)
    private static let lastDay = CivilDate(year: 2100, month: 12, day: 31)

    /// A year where the UTC+7 and UTC+8 calendars disagree, with the Gregorian dates each gives.
    struct Divergence: Sendable, CustomTestStringConvertible {
        var year: Int
        var vietnam: String
        var china: String
        var testDescription: String { "\(year): \(vietnam) vs \(china)" }
    }

    @Test(
        "Tết differs between Vietnam (UTC+7) and China (UTC+8) in exactly these years from 1968 to 2100",
        arguments: [
            Divergence(year: 1968, vietnam: "1968-01-29", china: "1968-01-30"),
            Divergence(year: 1969, vietnam: "1969-02-16", china: "1969-02-17"),
            Divergence(year: 1985, vietnam: "1985-01-21", china: "1985-02-20"),
            Divergence(year: 2007, vietnam: "2007-02-17", china: "2007-02-18"),
            Divergence(year: 2030, vietnam: "2030-02-02", china: "2030-02-03"),
            Divergence(year: 2053, vietnam: "2053-02-18", china: "2053-02-19"),
        ])
    func tetDivergence(_ case: Divergence) {
        #expect(LunarCalendar.vietnam.newYear(of: `case`.year) == CivilDate(iso: `case`.vietnam))
        #expect(LunarCalendar.china.newYear(of: `case`.year) == CivilDate(iso: `case`.china))
    }

    @Test("no other year from 1968 to 2100 has a different Tết")
    func tetAgreesOtherwise() {
        let differing = (1968...2100).filter {
            LunarCalendar.vietnam.newYear(of: $0) != LunarCalendar.china.newYear(of: $0)
        }
        #expect(differing == [1968, 1969, 1985, 2007, 2030, 2053])
    }

    @Test(
        "Giỗ Tổ (10/3 lunar) differs between Vietnam and China in exactly these years from 1968 to 2100",
        arguments: [
            Divergence(year: 1975, vietnam: "1975-04-20", china: "1975-04-21"),
            Divergence(year: 2009, vietnam: "2009-04-04", china: "2009-04-05"),
            Divergence(year: 2037, vietnam: "2037-04-24", china: "2037-04-25"),
            Divergence(year: 2038, vietnam: "2038-04-13", china: "2038-04-14"),
            Divergence(year: 2085, vietnam: "2085-04-03", china: "2085-04-04"),
            Divergence(year: 2086, vietnam: "2086-04-22", china: "2086-04-23"),
            Divergence(year: 2095, vietnam: "2095-04-13", china: "2095-04-14"),
            Divergence(year: 2100, vietnam: "2100-04-18", china: "2100-04-19"),
        ])
    func hungKingsDivergence(_ case: Divergence) throws {
        let gioTo = LunarDate(day: 10, month: 3, year: `case`.year)
        #expect(try LunarCalendar.vietnam.solarDate(of: gioTo) == CivilDate(iso: `case`.vietnam))
        #expect(try LunarCalendar.china.solarDate(of: gioTo) == CivilDate(iso: `case`.china))
    }

    @Test("no other year from 1968 to 2100 has a different Giỗ Tổ")
    func hungKingsAgreesOtherwise() throws {
        let differing = try (1968...2100).filter { year in
            let gioTo = LunarDate(day: 10, month: 3, year: year)
            return try LunarCalendar.vietnam.solarDate(of: gioTo) != LunarCalendar.china.solarDate(of: gioTo)
        }
        #expect(differing == [1975, 2009, 2037, 2038, 2085, 2086, 2095, 2100])
    }

    @Test("Tết 2026 is 17 February and Tết 2027 is 6 February; Giỗ Tổ 2026 is 26 April")
    func nearYears() throws {
        #expect(LunarCalendar.vietnam.newYear(of: 2026) == CivilDate(year: 2026, month: 2, day: 17))
        #expect(LunarCalendar.vietnam.newYear(of: 2027) == CivilDate(year: 2027, month: 2, day: 6))
        #expect(
            try LunarCalendar.vietnam.solarDate(of: LunarDate(day: 10, month: 3, year: 2026))
                == CivilDate(year: 2026, month: 4, day: 26))
        // The day before Tết 2026 is the 29th, last day of the 12th month of 2025 (a 29-day month).
        #expect(
            LunarCalendar.vietnam.lunarDate(of: CivilDate(year: 2026, month: 2, day: 16))
                == LunarDate(day: 29, month: 12, year: 2025))
    }

    @Test("leap months: 2023 repeats month 2; 2033 has the rare leap 11th month")
    func leapMonths() throws {
        let calendar = LunarCalendar.vietnam
        #expect(
            calendar.lunarDate(of: CivilDate(year: 2023, month: 3, day: 22))
                == LunarDate(day: 1, month: 2, year: 2023, isLeapMonth: true))
        let leap11 = try calendar.solarDate(of: LunarDate(day: 1, month: 11, year: 2033, isLeapMonth: true))
        #expect(calendar.lunarDate(of: leap11) == LunarDate(day: 1, month: 11, year: 2033, isLeapMonth: true))
        #expect(leap11 > (try calendar.solarDate(of: LunarDate(day: 1, month: 11, year: 2033))))
        #expect(leap11 < calendar.newYear(of: 2034))
    }

    @Test("lunar dates that do not exist are rejected")
    func nonexistentDates() throws {
        let calendar = LunarCalendar.vietnam
        // 2026 has no leap month; 2025 had a leap 6th month.
        #expect(
            throws: InspectError.invalidInput(
                "lunar date 1/3+/2026 does not exist: lunar year 2026 has no leap month 3 (it has none)")
        ) {
            try calendar.solarDate(of: LunarDate(day: 1, month: 3, year: 2026, isLeapMonth: true))
        }
        // The 12th month of 2025 has 29 days.
        #expect(throws: InspectError.invalidInput("lunar date 30/12/2025 does not exist: that month has 29 days")) {
            try calendar.solarDate(of: LunarDate(day: 30, month: 12, year: 2025))
        }
        for date in [LunarDate(day: 1, month: 13, year: 2026), LunarDate(day: 0, month: 1, year: 2026)] {
            #expect(throws: InspectError.invalidInput("lunar date \(date) does not exist: months are 1–12, days 1–30"))
            {
                try calendar.solarDate(of: date)
            }
        }
        #expect(
            try calendar.solarDate(of: LunarDate(day: 1, month: 6, year: 2025, isLeapMonth: true))
                == CivilDate(year: 2025, month: 7, day: 25))
    }

    @Test("solar → lunar → solar returns the same day for every day of 1900–2100, at UTC+7 and UTC+8")
    func roundTrip() throws {
        for calendar in [LunarCalendar.vietnam, LunarCalendar.china] {
            var mismatches: [CivilDate] = []
            for dayNumber in Self.firstDay.dayNumber...Self.lastDay.dayNumber {
                let date = CivilDate(dayNumber: dayNumber)
                if try calendar.solarDate(of: calendar.lunarDate(of: date)) != date { mismatches.append(date) }
            }
            #expect(mismatches.isEmpty, "at UTC+\(calendar.timeZoneHours)")
        }
    }

    /// Cross-checks UTC+8 against Foundation's Chinese calendar (ICU) for every day of 1900–2100: 73,414 days.
    ///
    /// 73,383 agree. The 31 others are two places where the new moon falls within seconds of midnight at UTC+8,
    /// closer than either astronomical model (or the forecast of ΔT, Earth's clock drift) can decide:
    /// - the new moon of 2057-09-28 at about 16:00 UT: ours is 15:59 UT, so our 9th month of 2057 starts on 28
    ///   September; ICU's starts on 29 September. The month's 30 days (28 September – 27 October) differ by one day.
    /// - the new moon of 2097-08-07 at about 16:01 UT: both start the 7th month on 8 August, but ICU then labels 7
    ///   August "day 0 of month 7" where we give the 30th of month 6. Day 0 does not exist: ICU is inconsistent here.
    /// The Vietnamese calendar is unaffected: at UTC+7 both instants are an hour before midnight.
    @Test("UTC+8 agrees with Foundation's Chinese calendar on every day of 1900–2100 but two near-midnight new moons")
    func matchesFoundationChineseCalendar() {
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = TimeZone(identifier: "UTC")!
        var agreeing = 0
        var differing: [CivilDate: (ours: LunarDate, icu: LunarDate)] = [:]
        for dayNumber in Self.firstDay.dayNumber...Self.lastDay.dayNumber {
            let date = CivilDate(dayNumber: dayNumber)
            let noon = Date(timeIntervalSince1970: TimeInterval(dayNumber) * 86400 + 43200)
            let fields = chinese.dateComponents([.era, .year, .month, .day], from: noon)
            // Foundation counts 60-year cycles from 2637 BC: era 78, year 41 is the lunar year starting in 2024.
            let year = (fields.era! - 1) * 60 + fields.year! - 2637
            let icu = LunarDate(day: fields.day!, month: fields.month!, year: year, isLeapMonth: fields.isLeapMonth!)
            let ours = LunarCalendar.china.lunarDate(of: date)
            if ours == icu { agreeing += 1 } else { differing[date] = (ours, icu) }
        }

        #expect(agreeing == 73_383)
        let september2057 = CivilDate(year: 2057, month: 9, day: 28)
        let expected = Set((0..<30).map { september2057.adding(days: $0) } + [CivilDate(year: 2097, month: 8, day: 7)])
        #expect(Set(differing.keys) == expected)
        for offset in 0..<30 {
            let date = september2057.adding(days: offset)
            #expect(differing[date]?.ours == LunarDate(day: offset + 1, month: 9, year: 2057))
            #expect(differing[date]?.icu == LunarDate(day: offset, month: 9, year: 2057))
        }
        let august2097 = CivilDate(year: 2097, month: 8, day: 7)
        #expect(differing[august2097]?.ours == LunarDate(day: 30, month: 6, year: 2097))
        #expect(differing[august2097]?.icu == LunarDate(day: 0, month: 7, year: 2097))
        #expect(
            LunarCalendar.china.lunarDate(of: august2097.adding(days: 1)) == LunarDate(day: 1, month: 7, year: 2097))
    }
}
