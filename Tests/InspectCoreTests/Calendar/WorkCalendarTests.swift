import InspectCore
import InspectTesting
import Testing

@Suite struct WorkCalendarTests {
    private static let zone = LocalZone.vietnam

    private static func time(_ text: String) -> TimeOfDay { TimeOfDay(parsing: text)! }

    private static func session(_ start: String, _ end: String) -> Session {
        Session(start: time(start), end: time(end))
    }

    /// `YYYY-MM-DD HH:MM` in Vietnam.
    private static func instant(_ text: String) -> Instant {
        zone.instant(TimeParsing.localDateTime(text)!)
    }

    /// The default profile with a summer and a winter season (wrapping the year end), as many provinces set them.
    private static let seasonal = SeasonalHours(
        base: .standard,
        seasons: [
            .init(
                name: "summer",
                period: AnnualPeriod(from: MonthDay(month: 4, day: 16)!, to: MonthDay(month: 10, day: 15)!),
                sessions: [session("07:00", "11:30"), session("13:30", "17:00")], graceMinutes: 5),
            .init(
                name: "winter",
                period: AnnualPeriod(from: MonthDay(month: 10, day: 16)!, to: MonthDay(month: 4, day: 15)!),
                sessions: [session("07:30", "11:30"), session("13:00", "16:30")], graceMinutes: 10),
        ])

    /// A calendar with the default profile, the seasonal one as "seasonal", and a 2026 make-up Saturday.
    private static func calendar() throws -> WorkCalendar {
        let file = try IniDocument(
            text: "[Holidays]\nReplace=no\nDayOff=2026-01-02 | Swapped\nWorkingDay=2026-01-10 | Make-up\n",
            path: "2026.conf")
        var seasonalProfile = seasonal
        seasonalProfile.base.name = "seasonal"
        return WorkCalendar(
            zone: zone, profiles: [seasonalProfile],
            holidays: HolidayCalendar(announcements: [try HolidayAnnouncement(document: file)]))
    }

    // MARK: - Days

    @Test(
        "working days: weekdays, minus holidays and compensatory days, plus make-up Saturdays",
        arguments: [
            ("2026-01-05", true),  // an ordinary Monday
            ("2026-01-03", false),  // Saturday
            ("2026-01-04", false),  // Sunday
            ("2026-01-01", false),  // New Year's Day, Thursday
            ("2026-01-02", false),  // announced day off, Friday
            ("2026-01-10", true),  // make-up Saturday
            ("2026-02-17", false),  // Tết
            ("2026-04-26", false),  // Giỗ Tổ on a Sunday
            ("2026-04-27", false),  // ... compensated on Monday
            ("2026-04-28", true),
        ])
    func workingDays(date: String, expected: Bool) throws {
        #expect(try Self.calendar().isWorkingDay(CivilDate(iso: date)!) == expected)
    }

    @Test("sessions are empty on a day off and the profile's on a working day")
    func sessionsOnDays() throws {
        let calendar = try Self.calendar()
        #expect(try calendar.sessions(on: CivilDate(iso: "2026-02-17")!, profile: "default").isEmpty)
        #expect(
            try calendar.sessions(on: CivilDate(iso: "2026-01-10")!, profile: "default")
                == HoursProfile.standard.sessions)
    }

    @Test(
        "seasons apply by date, including their first and last days and across the year end",
        arguments: [
            ("2026-04-15", "07:30"), ("2026-04-16", "07:00"), ("2026-10-15", "07:00"), ("2026-10-16", "07:30"),
            ("2026-12-31", "07:30"), ("2027-01-01", "07:30"), ("2028-02-29", "07:30"), ("2026-07-01", "07:00"),
        ])
    func seasons(date: String, morningStart: String) throws {
        let hours = try Self.calendar().hours(profile: "seasonal", on: CivilDate(iso: date)!)
        #expect(hours.name == "seasonal")
        #expect(hours.sessions.first?.start == Self.time(morningStart))
        #expect(hours.graceMinutes == (morningStart == "07:00" ? 5 : 10))
    }

    @Test("an unknown profile is an error, not the default")
    func unknownProfile() throws {
        let calendar = try Self.calendar()
        #expect(throws: InspectError.notFound(kind: "hours profile", key: "night")) {
            try calendar.isWorkingMoment(Self.instant("2026-01-05 08:00"), profile: "night")
        }
        #expect(calendar.profileNames == ["default", "seasonal"])
    }

    // MARK: - Moments

    @Test(
        "working moments: sessions include their start and exclude their end",
        arguments: [
            ("2026-01-05 07:29:59", false), ("2026-01-05 07:30", true), ("2026-01-05 11:29:59", true),
            ("2026-01-05 11:30", false), ("2026-01-05 12:15", false), ("2026-01-05 13:30", true),
            ("2026-01-05 16:59:59", true), ("2026-01-05 17:00", false), ("2026-01-10 09:00", true),
            ("2026-01-11 09:00", false), ("2026-02-17 09:00", false),
        ])
    func workingMoments(moment: String, expected: Bool) throws {
        #expect(try Self.calendar().isWorkingMoment(Self.instant(moment), profile: "default") == expected)
    }

    @Test(
        "the next working moment is the moment itself inside a session, else the next session start",
        arguments: [
            ("2026-01-05 08:00", "2026-01-05 08:00"),  // inside the morning
            ("2026-01-05 07:30", "2026-01-05 07:30"),  // exactly at a start
            ("2026-01-05 06:00", "2026-01-05 07:30"),  // before work
            ("2026-01-05 11:30", "2026-01-05 13:30"),  // exactly at an end
            ("2026-01-05 12:00", "2026-01-05 13:30"),  // between sessions
            ("2026-01-09 17:00", "2026-01-10 07:30"),  // Friday evening, before a make-up Saturday
            ("2026-01-10 17:00", "2026-01-12 07:30"),  // after the make-up Saturday, over Sunday
            ("2025-12-31 17:30", "2026-01-05 07:30"),  // over New Year's Day, the swapped Friday and the weekend
            ("2026-02-13 17:00", "2026-02-23 07:30"),  // over Tết (computed here: 16–20 February)
        ])
    func nextWorkingMoment(moment: String, expected: String) throws {
        let next = try Self.calendar().nextWorkingMoment(atOrAfter: Self.instant(moment), profile: "default")
        #expect(next == Self.instant(expected))
    }

    @Test("the next working moment follows the season: 07:00 in summer, 07:30 in winter")
    func nextWorkingMomentInSeason() throws {
        let calendar = try Self.calendar()
        #expect(
            try calendar.nextWorkingMoment(atOrAfter: Self.instant("2026-04-16 06:00"), profile: "seasonal")
                == Self.instant("2026-04-16 07:00"))
        #expect(
            try calendar.nextWorkingMoment(atOrAfter: Self.instant("2026-10-16 06:00"), profile: "seasonal")
                == Self.instant("2026-10-16 07:30"))
    }

    @Test("a calendar with no working time ends the search with an error instead of looping")
    func noWorkingTime() throws {
        let calendar = WorkCalendar(profiles: [
            SeasonalHours(base: HoursProfile(name: "none", sessions: [], graceMinutes: 0))
        ])
        let start = Self.instant("2026-01-05 08:00")
        #expect(
            throws: InspectError.conflict(
                "no working session of hours profile 'none' within \(WorkCalendar.searchLimitDays) days after \(start)")
        ) {
            try calendar.nextWorkingMoment(atOrAfter: start, profile: "none")
        }
    }

    @Test("working sessions between two instants are clipped to them and skip days off")
    func workingSessions() throws {
        let spans = try Self.calendar().workingSessions(
            from: Self.instant("2026-01-09 10:00"), to: Self.instant("2026-01-12 08:00"), profile: "default")
        #expect(
            spans == [
                Self.instant("2026-01-09 10:00")..<Self.instant("2026-01-09 11:30"),
                Self.instant("2026-01-09 13:30")..<Self.instant("2026-01-09 17:00"),
                Self.instant("2026-01-10 07:30")..<Self.instant("2026-01-10 11:30"),
                Self.instant("2026-01-10 13:30")..<Self.instant("2026-01-10 17:00"),
                Self.instant("2026-01-12 07:30")..<Self.instant("2026-01-12 08:00"),
            ])
        #expect(
            try Self.calendar().workingSessions(
                from: Self.instant("2026-01-05 12:00"), to: Self.instant("2026-01-05 13:00"), profile: "default"
            ).isEmpty)
    }

    // MARK: - Lateness

    @Test("minutes late and early use the season's hours on that date")
    func lateness() throws {
        let calendar = try Self.calendar()
        let summerDay = CivilDate(iso: "2026-06-01")!
        #expect(try calendar.minutesLate(arrival: Self.time("07:20"), on: summerDay, profile: "seasonal") == 20)
        #expect(try calendar.minutesLate(arrival: Self.time("07:52"), on: summerDay, profile: "default") == 22)
        #expect(try calendar.minutesEarly(departure: Self.time("16:45"), on: summerDay, profile: "seasonal") == 15)
        let winterDay = CivilDate(iso: "2026-12-01")!
        #expect(try calendar.minutesEarly(departure: Self.time("16:15"), on: winterDay, profile: "seasonal") == 15)
        // 8 minutes is within the winter season's 10 minutes' grace.
        #expect(
            throws: InspectError.invalidInput("arrival at 07:38 is within the 10-minute grace after 07:30: not late")
        ) {
            try calendar.minutesLate(arrival: Self.time("07:38"), on: winterDay, profile: "seasonal")
        }
    }

    @Test("nobody is late on a day off")
    func notLateOnHoliday() throws {
        #expect(
            throws: InspectError.invalidInput(
                "2026-02-17 is not a working day (Lunar New Year, Tết Nguyên đán): nobody is late or early")
        ) {
            try Self.calendar().minutesLate(
                arrival: Self.time("08:00"), on: CivilDate(iso: "2026-02-17")!, profile: "default")
        }
    }

    // MARK: - Property: next working moment

    /// Weeks chosen for their edges (Tết, a make-up Saturday, season changes, the year end) and more drawn at random
    /// from 2024–2031 with a fixed seed.
    private static let sampleWeeks: [CivilDate] = {
        var generator = SplitMix64(seed: 0x1D_2026)
        let fixed = ["2026-01-01", "2026-01-08", "2026-02-12", "2026-04-12", "2026-04-24", "2026-10-12", "2026-12-28"]
        let start = CivilDate(year: 2024, month: 1, day: 1).dayNumber
        let random = (0..<8).map { _ in CivilDate(dayNumber: start + Int.random(in: 0..<(8 * 365), using: &generator)) }
        return fixed.map { CivilDate(iso: $0)! } + random
    }()

    @Test(
        "minute by minute, nextWorkingMoment returns the first working minute at or after the input",
        arguments: ["default", "seasonal"])
    func nextWorkingMomentProperty(profile: String) throws {
        let calendar = try Self.calendar()
        var failures: [String] = []
        for week in Self.sampleWeeks {
            // Given every minute of the week and of two days after it, and whether each is a working moment
            let first = Self.zone.startOfDay(week)
            let minutes = (0..<(9 * 24 * 60)).map { first.adding(seconds: Int64($0) * 60) }
            let working = try minutes.map { try calendar.isWorkingMoment($0, profile: profile) }
            var firstWorking = [Int?](repeating: nil, count: minutes.count)
            var following: Int?
            for index in minutes.indices.reversed() {
                if working[index] { following = index }
                firstWorking[index] = following
            }
            // When asking from each minute of the week
            for index in 0..<(7 * 24 * 60) {
                let next = try calendar.nextWorkingMoment(atOrAfter: minutes[index], profile: profile)
                // Then the answer is a working moment, and exactly the first working minute from there (or, when the
                // window has none, beyond it): no working moment is skipped.
                let isExact = firstWorking[index].map { next == minutes[$0] } ?? (next > minutes.last!)
                let isWorking = try calendar.isWorkingMoment(next, profile: profile)
                if !isExact || !isWorking {
                    failures.append("from \(minutes[index]): \(next)")
                }
            }
        }
        let failureCount = failures.count
        #expect(failureCount == 0, "first failures: \(failures.prefix(5))")
    }
}
