import InspectCore
import Testing

@Suite("CalendarSpec next elapse")
struct CalendarSpecNextElapseTests {
    let berlin = LocalZone(identifier: "Europe/Berlin")!
    let newYork = LocalZone(identifier: "America/New_York")!

    /// The instant of an ISO 8601 time with its offset: `2027-03-01T08:00:00+07:00`.
    private func at(_ text: String) throws -> Instant { try TimeParsing.instant(text, in: .utc) }

    private func next(_ expression: String, after text: String, in zone: LocalZone = .vietnam) throws -> Instant? {
        try CalendarSpec.parse(expression).nextElapse(after: at(text), in: zone)
    }

    @Test("a working-day morning after a Saturday is Monday morning")
    func weekdays() throws {
        #expect(try next("Mon..Fri *-*-* 08:00", after: "2027-02-27T10:00:00+07:00") == at("2027-03-01T08:00:00+07:00"))
    }

    @Test("the next elapse is strictly after the given instant")
    func strictlyAfter() throws {
        #expect(try next("*-*-* 08:00", after: "2027-03-01T08:00:00+07:00") == at("2027-03-02T08:00:00+07:00"))
        #expect(try next("*-*-* 08:00", after: "2027-03-01T07:59:59+07:00") == at("2027-03-01T08:00:00+07:00"))
    }

    @Test("months, leap days and days from the month's end")
    func dates() throws {
        #expect(try next("*-*-01 09:00", after: "2027-01-31T12:00:00+07:00") == at("2027-02-01T09:00:00+07:00"))
        #expect(try next("*-02-29", after: "2027-03-01T00:00:00+07:00") == at("2028-02-29T00:00:00+07:00"))
        #expect(try next("*-*-31", after: "2027-04-01T00:00:00+07:00") == at("2027-05-31T00:00:00+07:00"))
        #expect(try next("*-02~03", after: "2027-03-01T00:00:00+07:00") == at("2028-02-27T00:00:00+07:00"))
        #expect(try next("Mon *-05~07/1", after: "2027-01-01T00:00:00+07:00") == at("2027-05-31T00:00:00+07:00"))
        #expect(try next("quarterly", after: "2027-02-27T10:00:00+07:00") == at("2027-04-01T00:00:00+07:00"))
    }

    @Test("an expression whose dates are past, or beyond 2199, never elapses")
    func never() throws {
        #expect(try next("2026-01-01", after: "2027-01-01T00:00:00+07:00") == nil)
        #expect(try next("*-*-* 00:00", after: "2199-12-31T12:00:00Z", in: .utc) == nil)
        #expect(try next("Mon 2099-02-29", after: "2027-01-01T00:00:00Z") == nil)
    }

    @Test("a zone in the expression overrides the given one, UTC included")
    func zones() throws {
        #expect(
            try next("Sat,Sun 8:0 Europe/Berlin", after: "2027-02-27T10:00:00+07:00") == at("2027-02-27T08:00:00+01:00")
        )
        #expect(try next("daily UTC", after: "2027-02-27T10:00:00+07:00", in: berlin) == at("2027-02-28T00:00:00Z"))
    }

    @Test("a wall time the clock skips does not elapse that day, but later minutes of the hour do")
    func springForward() throws {
        // Given Berlin's clock moving from 02:00 to 03:00 on 2027-03-28,
        // then 02:30 is skipped that day, as systemd skips it,
        #expect(
            try next("*-*-* 02:30", after: "2027-03-27T12:00:00+01:00", in: berlin) == at("2027-03-29T02:30:00+02:00"))
        // and an hourly :30 goes on at 03:30.
        #expect(try next("*:30", after: "2027-03-28T01:40:00+01:00", in: berlin) == at("2027-03-28T03:30:00+02:00"))
        #expect(try next("02:30", after: "2027-03-13T12:00:00-05:00", in: newYork) == at("2027-03-15T02:30:00-04:00"))
    }

    @Test("a wall time the clock shows twice elapses once, on the pass the search starts from")
    func fallBack() throws {
        // Given Berlin's clock going back from 03:00 to 02:00 on 2027-10-31,
        // when the search starts the day before, then 02:30 elapses on the first pass only;
        let spec = try CalendarSpec.parse("*-*-* 02:30")
        let passes = spec.elapses(after: try at("2027-10-30T12:00:00+02:00"), count: 2, in: berlin)
        #expect(passes == [try at("2027-10-31T02:30:00+02:00"), try at("2027-11-01T02:30:00+01:00")])
        // when it starts on the second pass, then it stays on the second pass.
        #expect(try next("*:0/20", after: "2027-10-31T02:10:00+01:00", in: berlin) == at("2027-10-31T02:20:00+01:00"))
        #expect(try next("*:0/20", after: "2027-10-31T02:10:00+02:00", in: berlin) == at("2027-10-31T02:20:00+02:00"))
    }

    @Test("elapses follow one another")
    func elapses() throws {
        let spec = try CalendarSpec.parse("Mon,Wed,Fri 07:30")
        let times = spec.elapses(after: try at("2027-03-01T00:00:00+07:00"), count: 4, in: .vietnam)
        let expected = try ["2027-03-01", "2027-03-03", "2027-03-05", "2027-03-08"].map {
            try at("\($0)T07:30:00+07:00")
        }
        #expect(times == expected)
        #expect(
            try CalendarSpec.parse("2027-03-01 08:00").elapses(
                after: at("2027-01-01T00:00:00Z"), count: 3,
                in: .vietnam
            ).count == 1)
    }

    @Test("fractional seconds are exact in microseconds and round up to whole seconds")
    func fractions() throws {
        // Given half a second past each minute, after 08:00:00 exactly,
        let spec = try CalendarSpec.parse("*:*:00.5")
        let after = try at("2027-03-01T08:00:00Z")
        // then the exact elapse is 08:00:00.5, and as a whole second 08:00:01;
        #expect(
            spec.nextElapse(afterMicroseconds: after.seconds * 1_000_000, in: .utc)
                == after.seconds * 1_000_000 + 500_000)
        #expect(spec.nextElapse(after: after, in: .utc) == after.adding(seconds: 1))
        // and after 08:00:01 it is 08:01:00.5, shown as 08:01:01.
        #expect(spec.nextElapse(after: after.adding(seconds: 1), in: .utc) == after.adding(seconds: 61))
    }

    @Test("keeps systemd 252's skip of January 1 after a repetition runs past December")
    func systemdYearCarry() throws {
        // Given a day repetition that overshoots December 31 into January 9 (10, 25, 40),
        // then systemd 252 carries the overshoot into the new year and misses January 1; so do we.
        #expect(try next("*-*-1,10/15", after: "2027-12-26T00:00:00Z", in: .utc) == at("2028-01-10T00:00:00Z"))
    }
}
