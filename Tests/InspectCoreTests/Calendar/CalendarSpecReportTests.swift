import InspectCore
import Testing

@Suite("CalendarSpecReport")
struct CalendarSpecReportTests {
    /// Saturday 2027-02-27 10:00 in Vietnam.
    let saturday = Instant(seconds: 1_803_697_200)

    @Test("lays out forms, elapses, UTC times and time left as systemd-analyze does")
    func layout() throws {
        let report = try CalendarSpecReport(expression: "Mon..Fri 08:00", iterations: 2, from: saturday, zone: .vietnam)
        #expect(report.normalized == "Mon..Fri *-*-* 08:00:00")
        #expect(report.elapses.count == 2)
        #expect(
            report.lines == [
                "  Original form: Mon..Fri 08:00",
                "Normalized form: Mon..Fri *-*-* 08:00:00",
                "    Next elapse: Mon 2027-03-01 08:00:00 +07",
                "       (in UTC): Mon 2027-03-01 01:00:00 UTC",
                "       From now: 1 day 22h left",
                "       Iter. #2: Tue 2027-03-02 08:00:00 +07",
                "       (in UTC): Tue 2027-03-02 01:00:00 UTC",
                "       From now: 2 days left",
            ])
    }

    @Test("leaves out the original form when it is normal, and UTC lines in UTC")
    func utc() throws {
        let report = try CalendarSpecReport(expression: "*-*-* 08:00:00", iterations: 1, from: saturday, zone: .utc)
        #expect(
            report.lines == [
                "Normalized form: *-*-* 08:00:00",
                "    Next elapse: Sat 2027-02-27 08:00:00 UTC",
                "       From now: 5h 0min left",
            ])
    }

    @Test("says never for an expression that will not elapse again")
    func never() throws {
        let report = try CalendarSpecReport(expression: "2026-01-01", iterations: 5, from: saturday, zone: .vietnam)
        #expect(report.elapses.isEmpty)
        #expect(report.lines.last == "    Next elapse: never")
    }

    @Test("names zones by abbreviation where Foundation knows one, else by offset")
    func abbreviations() throws {
        let newYork = try CalendarSpecReport(
            expression: "08:00", iterations: 1, from: saturday,
            zone: LocalZone(identifier: "America/New_York")!)
        #expect(newYork.lines[2] == "    Next elapse: Sat 2027-02-27 08:00:00 EST")
        let kathmandu = try CalendarSpecReport(
            expression: "08:00", iterations: 1, from: saturday,
            zone: LocalZone(identifier: "Asia/Kathmandu")!)
        #expect(kathmandu.lines[2] == "    Next elapse: Sun 2027-02-28 08:00:00 +0545")
    }

    static let spans: [(Int64, String)] = [
        (0, "now"), (5, "5us left"), (1_500, "1ms left"), (59_000_000, "59s left"), (119_000_000, "1min 59s left"),
        (300_000_000, "5min left"), (3_900_000_000, "1h 5min left"), (21_600_000_000, "6h left"),
        (90_000_000_000, "1 day 1h left"), (172_800_000_000, "2 days left"), (604_800_000_000, "1 week 0 days left"),
        (2_800_000_000_000, "1 month 1 day left"), (31_557_600_000_000, "1 year 0 months left"),
        (-59_000_000, "59s ago"),
    ]

    @Test("writes spans of time as systemd does", arguments: spans)
    func relative(microseconds: Int64, text: String) {
        #expect(CalendarSpecReport.relativeTime(microseconds) == text)
    }

    @Test("refuses fewer than one iteration")
    func iterations() {
        #expect(throws: InspectError.invalidInput("the number of iterations must be at least 1, not 0")) {
            try CalendarSpecReport(expression: "daily", iterations: 0, from: saturday, zone: .vietnam)
        }
    }
}
