import InspectCore
import Testing

@Suite("Civil dates, instants and time parsing")
struct TimeTests {
    @Test("day numbers round-trip and advance by one for every day 1900–2100")
    func dayNumbersAreContinuous() {
        var previous = CivilDate(year: 1899, month: 12, day: 31)
        for number in CivilDate(year: 1900, month: 1, day: 1)
            .dayNumber...CivilDate(year: 2100, month: 12, day: 31)
            .dayNumber
        {
            let date = CivilDate(dayNumber: number)
            #expect(date.isValid)
            #expect(date.dayNumber == number)
            #expect(previous < date)
            #expect(previous.dayNumber + 1 == number)
            previous = date
        }
    }

    @Test("known weekdays and the epoch")
    func weekdays() {
        #expect(CivilDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(CivilDate(year: 1970, month: 1, day: 1).weekday == .thursday)
        #expect(CivilDate(year: 2027, month: 2, day: 6).weekday == .saturday)
        #expect(CivilDate(year: 2000, month: 2, day: 29).isValid)
        #expect(!CivilDate(year: 2100, month: 2, day: 29).isValid)
        #expect(CivilDate(iso: "2027-02-30") == nil)
        #expect(CivilDate(iso: "2027-2-3") == nil)
    }

    @Test("local times are read in the configured zone")
    func localTimes() throws {
        let instant = try TimeParsing.instant("2027-02-06 07:52", in: .vietnam)
        #expect(instant.description == "2027-02-06T00:52:00Z")
        #expect(LocalZone.vietnam.iso8601(instant) == "2027-02-06T07:52:00+07:00")
        #expect(try TimeParsing.instant("2027-02-06", in: .vietnam).description == "2027-02-05T17:00:00Z")
        #expect(try TimeParsing.instant("2027-02-06T07:52:30", in: .utc).description == "2027-02-06T07:52:30Z")
    }

    @Test("ISO 8601 with an offset or Z ignores the configured zone")
    func isoTimes() throws {
        #expect(try TimeParsing.instant("2027-02-06T07:52:00+07:00", in: .utc).description == "2027-02-06T00:52:00Z")
        #expect(try TimeParsing.instant("2027-02-06T00:52:00Z", in: .vietnam).description == "2027-02-06T00:52:00Z")
        #expect(
            try TimeParsing.instant("2027-02-06T00:52:00-05:30", in: .vietnam).description == "2027-02-06T06:22:00Z")
    }

    @Test(
        "malformed times are refused with the accepted forms",
        arguments: [
            "07:52", "2027-02-30 08:00", "2027-02-06 25:00", "yesterday", "2027-02-06T07:52+07", "",
        ])
    func malformedTimes(text: String) {
        #expect(throws: Self.notATime(text, relative: false)) { try TimeParsing.instant(text, in: .vietnam) }
    }

    /// The refusal of `text`, listing the forms accepted: relative ones only where a relative time is read.
    static func notATime(_ text: String, relative: Bool) -> InspectError {
        .invalidInput(
            "'\(text)' is not a time; use 'YYYY-MM-DD HH:MM' (local time), ISO 8601 like '2027-02-06T07:52:00+07:00'"
                + (relative ? ", or relative like '-10min', '-2h', 'yesterday' or 'today'" : ""))
    }

    @Test("a skipped local time lands after the gap; an ambiguous one takes the earlier instant")
    func daylightSaving() throws {
        let berlin = try #require(LocalZone(identifier: "Europe/Berlin"))
        // 2027-03-28 02:30 does not exist in Berlin (clocks go 02:00 → 03:00).
        let skipped = berlin.instant(
            LocalDateTime(date: CivilDate(year: 2027, month: 3, day: 28), time: .init(hour: 2, minute: 30)))
        #expect(skipped.description == "2027-03-28T01:30:00Z")
        // 2027-10-31 02:30 happens twice; the first is at 00:30 UTC.
        let ambiguous = berlin.instant(
            LocalDateTime(date: CivilDate(year: 2027, month: 10, day: 31), time: .init(hour: 2, minute: 30)))
        #expect(ambiguous.description == "2027-10-31T00:30:00Z")
    }

    /// A relative time and what it reads as at 2027-02-06 07:52 in Vietnam.
    struct RelativeCase: Sendable, CustomTestStringConvertible {
        var text: String
        var local: String
        var testDescription: String { "'\(text)'" }
    }

    @Test(
        "on the command line, relative times read as journalctl reads them",
        arguments: [
            RelativeCase(text: "-10min", local: "2027-02-06T07:42:00+07:00"),
            RelativeCase(text: "-2h", local: "2027-02-06T05:52:00+07:00"),
            RelativeCase(text: "+2h", local: "2027-02-06T09:52:00+07:00"),
            RelativeCase(text: "-1d 12h", local: "2027-02-04T19:52:00+07:00"),
            RelativeCase(text: "-1d12h", local: "2027-02-04T19:52:00+07:00"),
            RelativeCase(text: "2 hours ago", local: "2027-02-06T05:52:00+07:00"),
            RelativeCase(text: "3 min left", local: "2027-02-06T07:55:00+07:00"),
            RelativeCase(text: "-1w", local: "2027-01-30T07:52:00+07:00"),
            RelativeCase(text: "-30s", local: "2027-02-06T07:51:30+07:00"),
            RelativeCase(text: "-10", local: "2027-02-06T07:51:50+07:00"),
            RelativeCase(text: "-1M", local: "2027-01-06T21:22:00+07:00"),
            RelativeCase(text: "-1 MONTH", local: "2027-01-06T21:22:00+07:00"),
            RelativeCase(text: "-2m", local: "2027-02-06T07:50:00+07:00"),
            RelativeCase(text: "today", local: "2027-02-06T00:00:00+07:00"),
            RelativeCase(text: "yesterday", local: "2027-02-05T00:00:00+07:00"),
            RelativeCase(text: "tomorrow", local: "2027-02-07T00:00:00+07:00"),
            RelativeCase(text: "now", local: "2027-02-06T07:52:00+07:00"),
            RelativeCase(text: "@1800000000", local: "2027-01-15T15:00:00+07:00"),
        ])
    func relativeTimes(_ relative: RelativeCase) throws {
        let now = try TimeParsing.instant("2027-02-06 07:52", in: .vietnam)
        let instant = try TimeParsing.instant(relative.text, in: .vietnam, now: now)
        #expect(LocalZone.vietnam.iso8601(instant) == relative.local)
    }

    @Test(
        "malformed relative times are refused, and files never read relative ones",
        arguments: ["-10 parsecs", "-min", "10min", "--10min", "-1d -2h", "-99999999999999y", "@x", "ago"])
    func malformedRelativeTimes(text: String) throws {
        let now = try TimeParsing.instant("2027-02-06 07:52", in: .vietnam)
        #expect(throws: Self.notATime(text, relative: true)) { try TimeParsing.instant(text, in: .vietnam, now: now) }
        #expect(throws: Self.notATime("-10min", relative: false)) { try TimeParsing.instant("-10min", in: .vietnam) }
    }

    @Test("instants before 1970 format correctly")
    func negativeInstants() {
        #expect(Instant(seconds: -1).description == "1969-12-31T23:59:59Z")
    }

    @Test(
        "every instant has a description, however far outside the calendar (the API fuzzer sent Int64.min)",
        arguments: [Int64.min, .min + 1, -62_135_596_801, 253_402_300_800, .max - 1, .max])
    func extremeInstants(seconds: Int64) {
        let text = Instant(seconds: seconds).description
        #expect(text.hasSuffix("Z"))
        #expect(text.contains("T"))
    }

    @Test("the most negative instant is described at its second of the day")
    func mostNegativeInstant() {
        // Int64.min is 30,592 s (08:29:52) after a midnight, Int64.max 55,807 s (15:30:07).
        #expect(Instant(seconds: .min).description.hasSuffix("T08:29:52Z"))
        #expect(Instant(seconds: .max).description.hasSuffix("T15:30:07Z"))
    }
}
