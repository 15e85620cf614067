import InspectCore
import Testing

@Suite struct WorkCalendarConfigTests {
    private static let path = "/etc/inspectd/inspectd.conf"

    private func document(_ text: String, path: String = path) throws -> IniDocument {
        try IniDocument(text: text, path: path)
    }

    private func calendar(_ text: String, holidayFiles: [IniDocument] = []) throws -> WorkCalendar {
        try WorkCalendar(configuration: document(text), holidayFiles: holidayFiles)
    }

    private func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    private func span(_ text: String) -> Session {
        let parts = text.split(separator: "-")
        return Session(start: TimeOfDay(parsing: parts[0])!, end: TimeOfDay(parsing: parts[1])!)
    }

    @Test("an empty configuration gives the compiled defaults")
    func defaults() throws {
        let calendar = try calendar("")
        #expect(calendar.zone == .vietnam)
        #expect(calendar.workingDays == WorkCalendar.mondayToFriday)
        #expect(calendar.profileNames == ["default"])
        #expect(try calendar.hours(profile: "default", on: date("2026-07-01")) == .standard)
        #expect(calendar.holidays.weeklyRestDays == [.saturday, .sunday])
    }

    @Test("profiles inherit unset keys from [Hours]; seasons apply to the profiles they name and wrap the year end")
    func profilesAndSeasons() throws {
        let calendar = try calendar(
            """
            [Calendar]
            TimeZone=Asia/Bangkok
            WorkingDays=Mon..Fri, Saturday

            [Hours]
            GraceMinutes=10

            [Hours one-stop]
            Morning=07:00-11:30

            [Season summer]
            Profile=default
            Profile=one-stop
            From=04-16
            To=10-15
            Afternoon=14:00-17:30

            [Season winter]
            From=10-16
            To=04-15
            Morning=07:45-11:30
            GraceMinutes=0
            """)

        #expect(calendar.zone.identifier == "Asia/Bangkok")
        #expect(calendar.workingDays == WorkCalendar.mondayToFriday.union([.saturday]))
        #expect(calendar.holidays.weeklyRestDays == [.sunday])
        #expect(calendar.profileNames == ["default", "one-stop"])

        let summerDefault = try calendar.hours(profile: "default", on: date("2026-07-01"))
        #expect(summerDefault.sessions == [span("07:30-11:30"), span("14:00-17:30")])
        #expect(summerDefault.graceMinutes == 10)
        let summerOneStop = try calendar.hours(profile: "one-stop", on: date("2026-07-01"))
        #expect(summerOneStop.sessions == [span("07:00-11:30"), span("14:00-17:30")])
        #expect(summerOneStop.name == "one-stop")

        // The winter season names no profile, so it applies to the default one only.
        let winterDefault = try calendar.hours(profile: "default", on: date("2027-01-15"))
        #expect(winterDefault.sessions == [span("07:45-11:30"), span("13:30-17:00")])
        #expect(winterDefault.graceMinutes == 0)
        let winterOneStop = try calendar.hours(profile: "one-stop", on: date("2027-01-15"))
        #expect(winterOneStop.sessions == [span("07:00-11:30"), span("13:30-17:00")])
        #expect(winterOneStop.graceMinutes == 10)
    }

    @Test("a drop-in overrides the main file; an empty assignment restores the compiled default")
    func dropIns() throws {
        let main = try document("[Hours]\nMorning=08:00-11:00\nGraceMinutes=15\n")
        let dropIn = try document(
            "[Hours]\nMorning=\nAfternoon=none\n", path: "/etc/inspectd/inspectd.conf.d/50-mornings.conf")
        let calendar = try WorkCalendar(
            configuration: .merging(main: main, dropIns: [dropIn]), holidayFiles: [])

        let hours = try calendar.hours(profile: "default", on: date("2026-03-02"))
        #expect(hours.sessions == [span("07:30-11:30")])
        #expect(hours.graceMinutes == 15)
    }

    @Test("holiday files feed the holiday calendar, with the rest days of the configured week")
    func holidayFiles() throws {
        let file = try document(
            "[Holidays]\nDayOff=2026-01-02 | Swapped\nWorkingDay=2026-01-10 | Make-up\n",
            path: "/etc/inspectd/holidays.d/2026.conf")
        let calendar = try calendar("", holidayFiles: [file])
        #expect(!calendar.isWorkingDay(date("2026-01-02")))
        #expect(calendar.isWorkingDay(date("2026-01-01")))  // Replace=yes by default: 1 January not listed
        #expect(calendar.isWorkingDay(date("2026-01-10")))
    }

    @Test("two holiday files for one year are rejected, naming the second")
    func duplicateHolidayYears() throws {
        let first = try document("[Holidays]\n", path: "/etc/inspectd/holidays.d/2026.conf")
        let second = try document("[Holidays]\n", path: "/run/inspectd/holidays.d/2026.conf")
        #expect(
            throws: InspectError.invalidConfig(
                path: "/run/inspectd/holidays.d/2026.conf", line: 0,
                reason: "another holiday file already gives the days of 2026")
        ) { try calendar("", holidayFiles: [first, second]) }
    }

    @Test("a mistake in a drop-in is reported at the drop-in's own line")
    func errorInDropIn() throws {
        let main = try document("[Hours]\nGraceMinutes=5\n")
        let dropIn = try document("\n[Hours]\nMorning=07:30-1130\n", path: "/etc/inspectd/inspectd.conf.d/10-x.conf")
        #expect(
            throws: InspectError.invalidConfig(
                path: "/etc/inspectd/inspectd.conf.d/10-x.conf", line: 3,
                reason: "Morning=07:30-1130: expected a span of time as HH:MM-HH:MM, like 07:30-11:30")
        ) { try WorkCalendar(configuration: .merging(main: main, dropIns: [dropIn]), holidayFiles: []) }
    }

    @Test(
        "configuration mistakes are errors at their file and line",
        arguments: [
            (
                "[Calendar]\nTimeZone=Mars/Olympus\n", 2,
                "TimeZone=Mars/Olympus: unknown time zone; expected an IANA name like Asia/Ho_Chi_Minh"
            ),
            (
                "[Calendar]\nTimezone=UTC\n", 2,
                "unknown key 'Timezone' in [Calendar] (did you mean 'TimeZone'?); valid keys: TimeZone, WorkingDays"
            ),
            (
                "[Calendar]\nWorkingDays=Fri..Mon\n", 2,
                "WorkingDays=Fri..Mon: the range 'Fri..Mon' must run from Monday towards Sunday"
            ),
            (
                "[Calendar]\nWorkingDays=Mon..Fry\n", 2,
                "WorkingDays=Mon..Fry: 'Fry' is not a day of the week; expected Mon, Tue, … or Mon..Fri"
            ),
            ("[Calendar]\nWorkingDays=,\n", 2, "WorkingDays=,: at least one working day is needed"),
            (
                "[Hours]\nMornin=07:00-11:00\n", 2,
                "unknown key 'Mornin' in [Hours] (did you mean 'Morning'?); "
                    + "valid keys: Afternoon, GraceMinutes, Morning"
            ),
            ("[Hours]\nGraceMinutes=-1\n", 2, "GraceMinutes=-1: expected a whole number from 0 to 120"),
            (
                "[Hours]\nMorning=07:30-14:00\n", 2,
                "Morning=07:30-14:00: the afternoon (13:30–17:00) must not start before the morning (07:30–14:00) ends"
            ),
            (
                "[Hours]\nMorning=none\n\nAfternoon=none\n", 4,
                "Afternoon=none: the hours need a morning or an afternoon session"
            ),
            (
                "[Hours]\n[Hours default]\n", 2,
                "invalid profile name 'default': use letters, digits, '-', '_' or '.' ([Hours] is the default)"
            ),
            (
                "[Hours]\n[Hours mot cua!]\n", 2,
                "invalid profile name 'mot cua!': use letters, digits, '-', '_' or '.' ([Hours] is the default)"
            ),
            (
                "[Hours x]\nAfternoon=11:00-17:00\n", 2,
                "Afternoon=11:00-17:00: the afternoon (11:00–17:00) must not start before the morning "
                    + "(07:30–11:30) ends"
            ),
            ("\n[Season summer]\nFrom=04-16\n", 2, "[Season summer] needs From= and To= (MM-DD)"),
            ("[Season summer]\nFrom=4-16\nTo=10-15\n", 2, "From=4-16: expected a day of the year as MM-DD"),
            ("[Season summer]\nFrom=04-16\nTo=02-30\n", 3, "To=02-30: expected a day of the year as MM-DD"),
            (
                "[Season summer]\nFrom=04-16\nTo=10-15\nProfile=default nightshift\n", 4,
                "Profile=default nightshift: no hours profile 'nightshift'; profiles: default"
            ),
            (
                "[Season summer]\nFrom=04-16\nTo=10-15\nMorning=07:00\n", 4,
                "Morning=07:00: expected a span of time as HH:MM-HH:MM, like 07:30-11:30"
            ),
            (
                "[Season summer]\nFrom=04-16\nTo=10-15\n[Season spring]\nFrom=03-01\nTo=04-16\n", 5,
                "From=03-01: season 'spring' overlaps season 'summer' (04-16..10-15) of profile 'default'"
            ),
            (
                "[Season winter]\nFrom=10-16\nTo=04-15\n[Season new-year]\nFrom=12-30\nTo=01-02\n", 5,
                "From=12-30: season 'new-year' overlaps season 'winter' (10-16..04-15) of profile 'default'"
            ),
            (
                "[Season summer]\nFrom=04-16\nTo=10-15\nSeason=x\n", 4,
                "unknown key 'Season' in [Season summer]; "
                    + "valid keys: Afternoon, From, GraceMinutes, Morning, Profile, To"
            ),
        ])
    func mistakes(text: String, line: Int, reason: String) {
        #expect(throws: InspectError.invalidConfig(path: Self.path, line: line, reason: reason)) {
            try calendar(text)
        }
    }

    @Test("the sections the calendar reads are recognised for the loader's unknown-section check")
    func sections() {
        for name in ["Calendar", "Hours", "Hours one-stop", "Season summer"] {
            #expect(WorkCalendar.isConfigSection(name), "\(name)")
        }
        for name in ["Daemon", "Hour", "Season", "calendar"] {
            #expect(!WorkCalendar.isConfigSection(name), "\(name)")
        }
    }
}
