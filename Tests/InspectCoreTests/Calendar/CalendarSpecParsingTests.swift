import InspectCore
import Testing

@Suite("CalendarSpec parsing and normal form")
struct CalendarSpecParsingTests {
    /// The examples of systemd.time(7), "Examples for valid timestamps and their normalized form".
    static let manualExamples: [(String, String)] = [
        ("Sat,Thu,Mon..Wed,Sat..Sun", "Mon..Thu,Sat,Sun *-*-* 00:00:00"),
        ("Mon,Sun 12-*-* 2,1:23", "Mon,Sun 2012-*-* 01,02:23:00"),
        ("Wed *-1", "Wed *-*-01 00:00:00"),
        ("Wed..Wed,Wed *-1", "Wed *-*-01 00:00:00"),
        ("Wed, 17:48", "Wed *-*-* 17:48:00"),
        ("Wed..Sat,Tue 12-10-15 1:2:3", "Tue..Sat 2012-10-15 01:02:03"),
        ("*-*-7 0:0:0", "*-*-07 00:00:00"),
        ("10-15", "*-10-15 00:00:00"),
        ("monday *-12-* 17:00", "Mon *-12-* 17:00:00"),
        ("Mon,Fri *-*-3,1,2 *:30:45", "Mon,Fri *-*-01,02,03 *:30:45"),
        ("12,14,13,12:20,10,30", "*-*-* 12,13,14:10,20,30:00"),
        ("12..14:10,20,30", "*-*-* 12..14:10,20,30:00"),
        ("mon,fri *-1/2-1,3 *:30:45", "Mon,Fri *-01/2-01,03 *:30:45"),
        ("03-05 08:05:40", "*-03-05 08:05:40"),
        ("08:05:40", "*-*-* 08:05:40"),
        ("05:40", "*-*-* 05:40:00"),
        ("Sat,Sun 12-05 08:05:40", "Sat,Sun *-12-05 08:05:40"),
        ("Sat,Sun 08:05:40", "Sat,Sun *-*-* 08:05:40"),
        ("2003-03-05 05:40", "2003-03-05 05:40:00"),
        ("05:40:23.4200004/3.1700005", "*-*-* 05:40:23.420000/3.170001"),
        ("2003-02..04-05", "2003-02..04-05 00:00:00"),
        ("2003-03-05 05:40 UTC", "2003-03-05 05:40:00 UTC"),
        ("2003-03-05", "2003-03-05 00:00:00"),
        ("03-05", "*-03-05 00:00:00"),
        ("hourly", "*-*-* *:00:00"),
        ("daily", "*-*-* 00:00:00"),
        ("daily UTC", "*-*-* 00:00:00 UTC"),
        ("monthly", "*-*-01 00:00:00"),
        ("weekly", "Mon *-*-* 00:00:00"),
        ("weekly Pacific/Auckland", "Mon *-*-* 00:00:00 Pacific/Auckland"),
        ("yearly", "*-01-01 00:00:00"),
        ("annually", "*-01-01 00:00:00"),
        ("*:2/3", "*-*-* *:02/3:00"),
    ]

    @Test("normalizes the examples of systemd.time(7) as the manual shows", arguments: manualExamples)
    func manualExample(expression: String, normalized: String) throws {
        #expect(try CalendarSpec.parse(expression).normalized == normalized)
    }

    /// Normal forms checked against systemd-analyze by hand, for the corners the manual does not show.
    static let corners: [(String, String)] = [
        ("minutely", "*-*-* *:*:00"),
        ("quarterly", "*-01,04,07,10-01 00:00:00"),
        ("semiannually", "*-01,07-01 00:00:00"),
        ("Mon..Fri 08:00", "Mon..Fri *-*-* 08:00:00"),
        ("Mon..Sun", "*-*-* 00:00:00"),
        ("Mon,Tue,Wed,Fri,Sat", "Mon..Wed,Fri,Sat *-*-* 00:00:00"),
        ("Mon-Wed", "Mon..Wed *-*-* 00:00:00"),
        ("Mon,", "Mon *-*-* 00:00:00"),
        ("*-02~03", "*-02~03 00:00:00"),
        ("*~1", "*-*~01 00:00:00"),
        ("*-02~*", "*-02-* 00:00:00"),
        ("*-05~1..7/2", "*-05~01..07/2 00:00:00"),
        ("*-*-1..3/5", "*-*-01 00:00:00"),
        ("*-*-5..5", "*-*-05 00:00:00"),
        ("2027..2030/2-*-*", "2027..2029/2-*-* 00:00:00"),
        ("0..23/25:00", "*-*-* 00:00:00"),
        ("00:00:5..8/2", "*-*-* 00:00:05..07/2"),
        ("*:*:0/1", "*-*-* *:*:*"),
        ("*:*:1.5,1.50", "*-*-* *:*:01.500000"),
        ("*-*-* 8:0:0.25..3", "*-*-* 08:00:00.250000..02.250000"),
        ("1:2:3.1234567", "*-*-* 01:02:03.123457"),
        ("00:00:059", "*-*-* 00:00:59"),
        ("@1395716396", "2014-03-25 02:59:56 UTC"),
        ("@ 5", "1970-01-01 00:00:05 UTC"),
        ("Mon UTC", "Mon *-*-* 00:00:00 UTC"),
        ("daily utc", "*-*-* 00:00:00 UTC"),
        ("daily Etc/UTC", "*-*-* 00:00:00 Etc/UTC"),
        ("Mon..Fri 08:00 Asia/Ho_Chi_Minh", "Mon..Fri *-*-* 08:00:00 Asia/Ho_Chi_Minh"),
        ("  daily  ", "*-*-* 00:00:00"),
    ]

    @Test("normalizes corner cases as systemd-analyze does", arguments: corners)
    func corner(expression: String, normalized: String) throws {
        #expect(try CalendarSpec.parse(expression).normalized == normalized)
    }

    @Test("exposes the fields it parsed")
    func fields() throws {
        // Given a weekday range with a time, then the weekdays, hour and second are those written and the rest any.
        let spec = try CalendarSpec.parse("Mon..Fri 08:00")
        #expect(spec.weekdays == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(spec.years.isEmpty && spec.months.isEmpty && spec.days.isEmpty)
        #expect(spec.hours == [CalendarComponent(start: 8)])
        #expect(spec.minutes == [CalendarComponent(start: 0)])
        #expect(spec.seconds == [CalendarComponent(start: 0)])
        #expect(spec.zone == .local)
        #expect(!spec.countsDaysFromMonthEnd)
        // And a zone, a range with a step, and days from the month's end are kept as written.
        let other = try CalendarSpec.parse("2027..2031/2-*~07/1 12:00 Europe/Berlin")
        #expect(other.years == [CalendarComponent(start: 2027, stop: 2031, step: 2)])
        #expect(other.days == [CalendarComponent(start: 7, step: 1)])
        #expect(other.countsDaysFromMonthEnd)
        #expect(other.zone == .named(LocalZone(identifier: "Europe/Berlin")!))
        #expect(try CalendarSpec.parse("daily UTC").zone == .utc)
    }

    static let errors: [(String, String)] = [
        ("*-*-32 08:00", "invalid calendar expression '*-*-32 08:00': day 32 is out of range 1..31"),
        ("24:00", "invalid calendar expression '24:00': hour 24 is out of range 0..23"),
        ("08:00:60", "invalid calendar expression '08:00:60': second 60 is out of range 0..59.999999"),
        ("2200-01-01", "invalid calendar expression '2200-01-01': year 2200 is out of range 1970..2199"),
        ("*-*~29", "invalid calendar expression '*-*~29': day ~29 is out of range ~1..~28"),
        ("*-*-20/15", "invalid calendar expression '*-*-20/15': repetition 20/15 never repeats within 1..31"),
        (
            "Sat..Mon",
            "invalid calendar expression 'Sat..Mon': weekday range Sat..Mon at column 6 runs backwards; "
                + "write it as two ranges"
        ),
        ("Tues 08:00", "invalid calendar expression 'Tues 08:00': unknown weekday 'Tues' at column 1"),
        (
            "*:*/15",
            "invalid calendar expression '*:*/15': expected ':' or the end after the minute at '/15' "
                + "(column 4)"
        ),
        ("*-*-1/0", "invalid calendar expression '*-*-1/0': repetition /0 at column 7 never advances"),
        ("today", "invalid calendar expression 'today': 'today' is a point in time, not a repeating calendar event"),
        ("", "invalid calendar expression '': the expression is empty"),
        (
            "daily europe/berlin",
            "invalid calendar expression 'daily europe/berlin': unknown time zone 'europe/berlin'; name an IANA "
                + "zone such as Asia/Ho_Chi_Minh, or UTC"
        ),
        // A bad date before a space is named as such, not taken for an unknown time zone.
        (
            "Sat *-*-~7",
            "invalid calendar expression 'Sat *-*-~7': '-~' at column 8: '~' takes the place of the '-' before the "
                + "day, as in '*-*~7' (the 7th day from the end of the month)"
        ),
        (
            "Sat 08:00 *-*-1",
            "invalid calendar expression 'Sat 08:00 *-*-1': expected ':' or the end after the minute at ' *-*-1' "
                + "(column 10)"
        ),
        (
            "Mon..Fri 08:00 +07",
            "invalid calendar expression 'Mon..Fri 08:00 +07': unknown time zone '+07'; name an IANA zone such as "
                + "Asia/Ho_Chi_Minh, or UTC"
        ),
    ]

    @Test("names the bad part of an invalid expression", arguments: errors)
    func error(expression: String, message: String) {
        #expect(throws: InspectError.invalidInput(message)) { try CalendarSpec.parse(expression) }
    }

    @Test("an invalid expression is a data error for the exit status")
    func exitStatus() {
        #expect(InspectError.invalidInput("x").exitStatus == .dataError)
        #expect(
            throws: InspectError.invalidInput(
                "invalid calendar expression 'Mon..Fry 08:00': expected a weekday at 'Fry 08:00' (column 6)")
        ) { try CalendarSpec.parse("Mon..Fry 08:00") }
    }
}
