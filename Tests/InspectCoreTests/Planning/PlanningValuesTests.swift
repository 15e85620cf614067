import InspectCore
import Testing

/// The small values plans are made of: periods, windows, weights, office selection, the holiday policy.
@Suite struct PlanningValuesTests {
    private let zone = LocalZone.vietnam

    private func instant(_ text: String) -> Instant { try! TimeParsing.instant(text, in: .vietnam) }

    // MARK: - Periods

    @Test("the period containing an instant runs from local midnight to local midnight, in the calendar's zone")
    func containing() {
        // 2026-03-31 23:30 in Vietnam is 16:30 UTC: still March locally.
        let period = DrawPeriod.containing(instant("2026-03-31 23:30"), unit: .month, zone: zone)
        #expect(period.label == "2026-03")
        #expect(period.start == instant("2026-03-01 00:00"))
        #expect(period.end == instant("2026-04-01 00:00"))
        #expect(period.days.count == 31)
        #expect(period.contains(instant("2026-03-31 23:59")))
        #expect(!period.contains(period.end))
        // The same instant in UTC is still 31 March too, but at 17:00 UTC Vietnam is in April.
        #expect(DrawPeriod.containing(instant("2026-04-01 00:00"), unit: .month, zone: zone).label == "2026-04")
    }

    @Test("weeks are ISO weeks from Monday, quarters start in January, April, July and October")
    func units() {
        let thursday = instant("2026-01-01 10:00")
        let week = DrawPeriod.containing(thursday, unit: .week, zone: zone)
        #expect(week.firstDay == CivilDate(year: 2025, month: 12, day: 29))
        #expect(week.label == "2026-W01")
        #expect(week.days.count == 7)
        let quarter = DrawPeriod.containing(instant("2026-08-15 09:00"), unit: .quarter, zone: zone)
        #expect(quarter.firstDay == CivilDate(year: 2026, month: 7, day: 1))
        #expect(quarter.label == "2026-Q3")
        #expect(quarter.days.count == 92)
        #expect(quarter.next(zone: zone).label == "2026-Q4")
        #expect(quarter.next(zone: zone).next(zone: zone).label == "2027-Q1")
        let year = DrawPeriod.containing(thursday, unit: .year, zone: zone)
        #expect(year.label == "2026")
        #expect(year.days.count == 365)
    }

    @Test("the following period is the next one, unless the instant starts a period")
    func following() {
        let midMonth = DrawPeriod.following(instant("2026-02-10 08:00"), unit: .month, zone: zone)
        #expect(midMonth.label == "2026-03")
        let atStart = DrawPeriod.following(instant("2026-03-01 00:00"), unit: .month, zone: zone)
        #expect(atStart.label == "2026-03")
        let december = DrawPeriod.following(instant("2026-12-31 12:00"), unit: .month, zone: zone)
        #expect(december.label == "2027-01")
    }

    @Test(
        "labels read back as the periods they name", arguments: ["2026-03", "2026-Q4", "2026-W01", "2026-W53", "2026"])
    func labels(label: String) throws {
        let period = try #require(DrawPeriod(label: label, zone: zone))
        #expect(period.label == label)
        #expect(DrawPeriod.containing(period.start, unit: period.unit, zone: zone) == period)
    }

    @Test(
        "labels that name no period are refused",
        arguments: ["2026-13", "2026-Q5", "2027-W53", "26-03", "2026-+1", "x"])
    func badLabels(label: String) {
        #expect(DrawPeriod(label: label, zone: zone) == nil)
    }

    @Test("units nest in the horizons that hold whole periods, and count them")
    func nesting() {
        #expect(PeriodUnit.month.nests(in: .quarter))
        #expect(PeriodUnit.month.count(in: .quarter) == 3)
        #expect(PeriodUnit.month.count(in: .year) == 12)
        #expect(PeriodUnit.quarter.count(in: .year) == 4)
        #expect(PeriodUnit.week.nests(in: .week))
        #expect(!PeriodUnit.week.nests(in: .month))
        #expect(!PeriodUnit.quarter.nests(in: .month))
    }

    // MARK: - Windows

    @Test(
        "window texts parse and print back",
        arguments: ["4h", "1h 30min", "2d", "1w", "1 working day", "3 working days"])
    func windowRoundTrip(text: String) throws {
        let window = try #require(InspectionWindow(parsing: text))
        #expect(window.description == text)
    }

    @Test("window spellings: units add up, long names are accepted, nonsense is not")
    func windowSpellings() {
        #expect(InspectionWindow(parsing: "90min") == .duration(seconds: 5400))
        #expect(InspectionWindow(parsing: "1 hour 30 minutes") == .duration(seconds: 5400))
        #expect(InspectionWindow(parsing: "1d12h") == .duration(seconds: 129_600))
        #expect(InspectionWindow(parsing: "2 Working Days") == .workingDays(2))
        for bad in ["", "0h", "4", "h", "4 parsecs", "-1h", "0 working days", "1.5h", "367d"] {
            #expect(InspectionWindow(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("a working-day window closes when the N-th working day's last session ends, skipping days off")
    func workingDayWindow() throws {
        let calendar = WorkCalendar()
        // Wednesday 29 April 2026: 30 April and 1 May are holidays, then the weekend.
        let due = instant("2026-04-29 08:10")
        #expect(
            try InspectionWindow.workingDays(1).end(after: due, calendar: calendar, profile: "default")
                == instant("2026-04-29 17:00"))
        #expect(
            try InspectionWindow.workingDays(2).end(after: due, calendar: calendar, profile: "default")
                == instant("2026-05-04 17:00"))
        // Due after the day's last session: the due day does not count.
        #expect(
            try InspectionWindow.workingDays(1).end(
                after: instant("2026-04-29 18:00"), calendar: calendar, profile: "default")
                == instant("2026-05-04 17:00"))
        #expect(
            try InspectionWindow.duration(seconds: 14400).end(after: due, calendar: calendar, profile: "default")
                == instant("2026-04-29 12:10"))
    }

    // MARK: - Weights

    @Test("risk weights are 1 + 10 × rate, capped at 5, in thousandths; uniform is always the base")
    func weights() {
        func risk(_ violations: Int, _ checked: Int) -> Int {
            Weighting.risk.weight(for: RiskRate(violations: violations, checked: checked))
        }
        #expect(risk(0, 0) == 1000)
        #expect(risk(0, 40) == 1000)
        #expect(risk(1, 10) == 2000)
        #expect(risk(1, 3) == 4333)
        #expect(risk(2, 5) == 5000)
        #expect(risk(9, 10) == 5000)
        #expect(risk(50, 10) == 5000)
        #expect(Weighting.uniform.weight(for: RiskRate(violations: 9, checked: 10)) == 1000)
    }

    // MARK: - Office selection

    @Test("selection is the union of codes, kinds and everything below a parent, active offices only, by code")
    func selection() {
        let offices = [
            Office(code: "HUYEN", name: "District", kind: .district),
            Office(code: "VP", name: "Office", parent: "HUYEN", kind: .department),
            Office(code: "BPMC", name: "One-stop", parent: "VP", kind: .unit),
            Office(code: "BTCD", name: "Citizens", parent: "VP", kind: .unit, active: false),
            Office(code: "PNV", name: "Home Affairs", parent: "HUYEN", kind: .department),
            Office(code: "XA-B", name: "Commune B", parent: "HUYEN", kind: .commune),
            Office(code: "XA-A", name: "Commune A", parent: "HUYEN", kind: .commune),
            Office(code: "TT", name: "Town", parent: "HUYEN", kind: .town),
        ]
        let byKind = OfficeSelector(kinds: [.commune]).select(from: offices)
        #expect(byKind.map(\.code) == ["XA-A", "XA-B"])
        let underParent = OfficeSelector(parents: ["VP"]).select(from: offices)
        #expect(underParent.map(\.code) == ["BPMC"])
        let union = OfficeSelector(codes: ["PNV", "XA-A"], kinds: [.town], parents: ["VP"]).select(from: offices)
        #expect(union.map(\.code) == ["BPMC", "PNV", "TT", "XA-A"])
        let everything = OfficeSelector(parents: ["HUYEN"]).select(from: offices)
        #expect(everything.count == 6)
        #expect(
            OfficeSelector(codes: ["PNV", "NOPE"], parents: ["GONE"]).unknownCodes(in: offices) == ["GONE", "NOPE"])
    }

    @Test("a cycle in the hierarchy does not hang selection")
    func cycle() {
        let offices = [
            Office(code: "A", name: "A", parent: "B"),
            Office(code: "B", name: "B", parent: "A"),
        ]
        #expect(OfficeSelector(parents: ["A"]).select(from: offices).map(\.code) == ["A", "B"])
    }

    // MARK: - Holiday policy

    @Test("an elapse on a holiday moves to the next working session, or is skipped")
    func holidayPolicy() throws {
        let calendar = WorkCalendar()
        // Friday 1 May 2026 08:00 is Labour Day; the next session starts Monday 4 May 07:30.
        let elapse = instant("2026-05-01 08:00")
        #expect(
            try HolidayPolicy.nextWorkingSession.dueInstant(
                forElapse: elapse, calendar: calendar, profile: "default") == instant("2026-05-04 07:30"))
        #expect(try HolidayPolicy.skip.dueInstant(forElapse: elapse, calendar: calendar, profile: "default") == nil)
        let working = instant("2026-05-05 08:00")
        #expect(
            try HolidayPolicy.skip.dueInstant(forElapse: working, calendar: calendar, profile: "default") == working)
    }
}

@Suite("The system's randomness")
struct SystemRandomnessTests {
    @Test("it has a size, so an inout access to it has an address, and it draws fresh values")
    func sizedAndFresh() {
        #expect(MemoryLayout<SystemRandomness>.size > 0)
        var randomness = SystemRandomness()
        let draws = (0..<8).map { _ in randomness.next() }
        #expect(Set(draws).count == 8)
        #expect(randomness.draws == 8)
    }
}
