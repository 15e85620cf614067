import InspectCore
import Testing

@Suite struct HolidayCalendarTests {
    private func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    private func days(_ holidays: [Holiday]) -> [String] { holidays.map(\.date.description) }

    @Test("computed 2026: Tết is the last day of the old year and four new; Giỗ Tổ on a Sunday moves to Monday")
    func computed2026() {
        let holidays = HolidayCalendar().holidays(in: 2026)
        #expect(
            days(holidays) == [
                "2026-01-01",
                "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                "2026-04-26", "2026-04-27",
                "2026-04-30", "2026-05-01",
                "2026-09-02", "2026-09-03",
            ])
        #expect(holidays.allSatisfy { $0.source == .computed })
        #expect(holidays[7].name == "Compensatory day off for Hùng Kings' Commemoration Day")
        #expect(holidays[7].nameVietnamese == "Nghỉ bù Giỗ Tổ Hùng Vương")
    }

    @Test("Tết days on a weekend are compensated on the working days after the break, in order")
    func tetCompensation() {
        // Tết 2027 is Saturday 6 February: 5 Feb (Fri) to 9 Feb (Tue), with Saturday and Sunday made up on Wed, Thu.
        let holidays = HolidayCalendar().holidays(in: 2027).filter { $0.date.month == 2 }
        #expect(
            days(holidays) == [
                "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11",
            ])
        #expect(holidays.suffix(2).allSatisfy { $0.name == "Compensatory day off for Lunar New Year" })
    }

    @Test("a compensatory day skips days that are holidays anyway: 2023's Giỗ Tổ, 30/4 and 1/5")
    func compensationSkipsHolidays() {
        // Giỗ Tổ 2023 is Saturday 29 April, 30 April a Sunday, 1 May a Monday: made up on Tuesday 2 and Wednesday 3.
        let holidays = HolidayCalendar().holidays(in: 2023).filter { (4...5).contains($0.date.month) }
        #expect(days(holidays) == ["2023-04-29", "2023-04-30", "2023-05-01", "2023-05-02", "2023-05-03"])
        #expect(holidays[3].name == "Compensatory day off for Hùng Kings' Commemoration Day")
        #expect(holidays[4].name == "Compensatory day off for Reunification Day")
    }

    @Test("two holidays on one date give a compensatory day: Giỗ Tổ 1947 fell on 30 April")
    func sharedDate() {
        let holidays = HolidayCalendar().holidays(in: 1947).filter { (4...5).contains($0.date.month) }
        // 30 April 1947 was a Wednesday, 1 May a Thursday: the second holiday of the 30th is made up on Friday 2 May.
        #expect(days(holidays) == ["1947-04-30", "1947-04-30", "1947-05-01", "1947-05-02"])
        #expect(holidays[3].name.hasPrefix("Compensatory day off for"))
    }

    @Test(
        "National Day takes the adjacent day that joins the weekend, as announced 2021–2025",
        arguments: [
            (2021, ["2021-09-02", "2021-09-03"]),  // Thursday: + Friday
            (2022, ["2022-09-01", "2022-09-02"]),  // Friday: + Thursday
            (2023, ["2023-09-01", "2023-09-02", "2023-09-04"]),  // Saturday: + Friday, made up on Monday
            (2024, ["2024-09-02", "2024-09-03"]),  // Monday: + Tuesday
            (2025, ["2025-09-01", "2025-09-02"]),  // Tuesday: + Monday
            (2029, ["2029-09-02", "2029-09-03", "2029-09-04"]),  // Sunday: + Monday, made up on Tuesday
        ])
    func nationalDay(year: Int, expected: [String]) {
        #expect(days(HolidayCalendar().holidays(in: year).filter { $0.date.month == 9 }) == expected)
    }

    @Test("compensation follows the configured rest days: a six-day week compensates only Sundays")
    func sixDayWeek() {
        let holidays = HolidayCalendar(weeklyRestDays: [.sunday]).holidays(in: 2027).filter { $0.date.month == 2 }
        // Tết 2027: Fri 5 – Tue 9 February; only Sunday 7 is a rest day, made up on Wednesday 10.
        #expect(days(holidays) == ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10"])
    }

    @Test("an announcement that replaces the defaults is the only source of that year's days; others stay computed")
    func replacingAnnouncement() throws {
        // Given a 2026 file moving Tết and swapping a Friday for a Saturday
        let file = try IniDocument(
            text: """
                [Holidays]
                DayOff=2026-02-14..2026-02-22 | Lunar New Year | Tết Nguyên đán
                DayOff=2026-01-02 | Swapped day off
                WorkingDay=2026-01-10 | Make-up for 2 January | Làm bù ngày 2/1
                """,
            path: "/etc/inspectd/holidays.d/2026.conf")
        let calendar = HolidayCalendar(announcements: [try HolidayAnnouncement(document: file)])

        // Then 2026 has exactly the announced days, located in the file
        #expect(calendar.holidays(in: 2026).count == 10)
        #expect(calendar.holiday(on: date("2026-01-01")) == nil)
        let swapped = try #require(calendar.holiday(on: date("2026-01-02")))
        #expect(swapped.nameVietnamese == "Swapped day off")
        #expect(swapped.source == .file(IniLocation(path: "/etc/inspectd/holidays.d/2026.conf", line: 3)))
        #expect(calendar.holiday(on: date("2026-02-21"))?.name == "Lunar New Year")
        #expect(calendar.isMakeUpWorkingDay(date("2026-01-10")))
        #expect(!calendar.isMakeUpWorkingDay(date("2026-01-17")))
        #expect(calendar.makeUpWorkingDays(in: 2026).map(\.name) == ["Make-up for 2 January"])
        // And 2027 is still computed
        #expect(calendar.holiday(on: date("2027-01-01"))?.source == .computed)
    }

    @Test("an announcement with Replace=no adds to the computed days and wins on a shared date")
    func addingAnnouncement() throws {
        let file = try IniDocument(
            text: "[Holidays]\nReplace=no\nDayOff=2026-01-01..2026-01-02 | New Year break | Nghỉ Tết Dương lịch\n",
            path: "2026.conf")
        let calendar = HolidayCalendar(announcements: [try HolidayAnnouncement(document: file)])

        #expect(calendar.holidays(in: 2026).count == HolidayCalendar().holidays(in: 2026).count + 2)
        #expect(calendar.holiday(on: date("2026-01-01"))?.name == "New Year break")
        #expect(calendar.holiday(on: date("2026-01-02"))?.name == "New Year break")
        #expect(calendar.holiday(on: date("2026-02-17"))?.name == "Lunar New Year")
    }

    @Test("holidays(in:) is sorted and holiday(on:) agrees with it for every day of a year")
    func lookupAgreesWithListing() {
        let calendar = HolidayCalendar()
        let listed = calendar.holidays(in: 2030)
        #expect(listed.map(\.date) == listed.map(\.date).sorted())
        let start = CivilDate(year: 2030, month: 1, day: 1)
        let found = (0..<365).compactMap { calendar.holiday(on: start.adding(days: $0))?.date }
        #expect(found == Array(Set(listed.map(\.date))).sorted())
    }

    @Test(
        "holiday files with mistakes are rejected at the offending line",
        arguments: [
            (
                "[Holidays]\nDayOff=2026-13-01 | X\n", 2,
                "DayOff=2026-13-01 | X: expected a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD"
            ),
            (
                "[Holidays]\nDayOff=2026-01-01\n", 2,
                "DayOff=2026-01-01: expected 'YYYY-MM-DD[..YYYY-MM-DD] | English name | Vietnamese name'"
            ),
            (
                "[Holidays]\nDayOff=2027-01-01 | X\n", 2,
                "DayOff=2027-01-01 | X: the dates of a 2026 holiday file must be in 2026"
            ),
            (
                "[Holidays]\nDayOff=2026-02-22..2026-02-14 | X\n", 2,
                "DayOff=2026-02-22..2026-02-14 | X: a range must run forwards and span at most 31 days"
            ),
            (
                "[Holidays]\nDayOff=2026-02-14..2026-02-22 | Tết\nDayOff=2026-02-20 | X\n", 3,
                "DayOff=2026-02-20 | X: 2026-02-20 is already listed at line 2"
            ),
            (
                "[Holidays]\nDayOff=2026-01-10 | X\nWorkingDay=2026-01-10 | Y\n", 3,
                "WorkingDay=2026-01-10 | Y: 2026-01-10 is already listed at line 2"
            ),
            ("[Holidays]\nReplace=perhaps\n", 2, "Replace=perhaps: expected yes or no (also true/false, 1/0, on/off)"),
            (
                "[Holidays]\nDayOf=2026-01-01 | X\n", 2,
                "unknown key 'DayOf' in [Holidays] (did you mean 'DayOff'?); valid keys: DayOff, Replace, WorkingDay"
            ),
            ("[Holiday]\n", 1, "unknown section [Holiday]; expected [Holidays]"),
        ])
    func badFiles(text: String, line: Int, reason: String) throws {
        let document = try IniDocument(text: text, path: "holidays.d/2026.conf")
        #expect(throws: InspectError.invalidConfig(path: "holidays.d/2026.conf", line: line, reason: reason)) {
            try HolidayAnnouncement(document: document)
        }
    }

    @Test("a holiday file must be named after its year")
    func fileName() throws {
        let document = try IniDocument(text: "[Holidays]\n", path: "holidays.d/next-year.conf")
        #expect(
            throws: InspectError.invalidConfig(
                path: "holidays.d/next-year.conf", line: 0,
                reason: "a holiday file must be named after its year, like 2026.conf")
        ) { try HolidayAnnouncement(document: document) }
    }
}
