import InspectCore
import InspectTesting
import Testing

/// Follow-up inspections drawn like surprises: inside the next working days, committed, replayable.
@Suite struct FollowUpDrawTests {
    static let calendar = WorkCalendar()

    /// Inputs for an inspection closed at `closed` (local time).
    static func inputs(
        closed: String = "2027-03-12 10:00", days: Int = 5, preferStart: Bool = false
    ) throws
        -> FollowUpInputs
    {
        try FollowUpInputs(
            follows: 12, office: "UBND-NHANLY", hoursProfile: "default",
            closedAt: TimeParsing.instant(closed, in: calendar.zone), withinWorkingDays: days,
            preferSessionStart: preferStart, calendar: calendar)
    }

    static func seed(_ value: UInt64) -> DrawSeed {
        var generator = SplitMix64(seed: value)
        return DrawSeed.random(using: &generator)
    }

    @Test("the span starts the working day after the close and holds N working days, skipping weekends and holidays")
    func span() throws {
        // Closed on Friday 12 March 2027: Monday 15 to Friday 19.
        let week = try Self.inputs()
        #expect(week.firstDay == CivilDate(iso: "2027-03-15"))
        #expect(week.lastDay == CivilDate(iso: "2027-03-19"))
        // Closed on Wednesday 1 September 2027: 2 and 3 September are days off.
        let holiday = try Self.inputs(closed: "2027-09-01 16:00", days: 2)
        #expect(holiday.firstDay == CivilDate(iso: "2027-09-06"))
        #expect(holiday.lastDay == CivilDate(iso: "2027-09-07"))
    }

    @Test("a close recorded days later schedules the follow-up after the day it is recorded, never in the past")
    func recordedLater() throws {
        let inputs = try FollowUpInputs(
            follows: 12, office: "UBND-NHANLY", hoursProfile: "default",
            closedAt: TimeParsing.instant("2027-03-01 10:00", in: Self.calendar.zone),
            scheduledAt: TimeParsing.instant("2027-03-10 16:00", in: Self.calendar.zone), withinWorkingDays: 2,
            preferSessionStart: false, calendar: Self.calendar)
        #expect(inputs.firstDay == CivilDate(iso: "2027-03-11"))
        #expect(inputs.lastDay == CivilDate(iso: "2027-03-12"))
    }

    @Test("the instant lies on a whole minute inside a working session of the span, and the seed decides it")
    func instant() throws {
        let inputs = try Self.inputs()
        let sessions = try inputs.sessions(calendar: Self.calendar)
        #expect(sessions.count == 10)
        var instants: Set<Instant> = []
        for value in 1...200 as ClosedRange<UInt64> {
            let draw = try FollowUpDraw(inputs: inputs, calendar: Self.calendar, seed: Self.seed(value))
            #expect(sessions.contains { $0.contains(draw.dueAt) })
            #expect(draw.dueAt.seconds % 60 == 0)
            #expect(draw.commitment == inputs.commitment(seed: Self.seed(value)))
            // The same seed draws the same instant.
            #expect(try FollowUpDraw(inputs: inputs, calendar: Self.calendar, seed: Self.seed(value)) == draw)
            instants.insert(draw.dueAt)
        }
        #expect(instants.count > 150, "200 seeds draw mostly different instants")
        let days = Set(instants.map { Self.calendar.zone.local($0).date })
        #expect(days.count == 5, "every day of the span is drawn")
    }

    @Test("when lateness was found, most instants fall in the first 30 minutes of a session")
    func sessionStart() throws {
        let inputs = try Self.inputs(preferStart: true)
        let starts = try inputs.sessions(calendar: Self.calendar).map(\.lowerBound)
        var early = 0
        for value in 1...400 as ClosedRange<UInt64> {
            let due = try FollowUpDraw(inputs: inputs, calendar: Self.calendar, seed: Self.seed(value)).dueAt
            if starts.contains(where: { $0 <= due && due < $0.adding(seconds: 1800) }) { early += 1 }
        }
        // Three in four are drawn near a start, and a uniform fourth lands there about one time in seven.
        #expect(early > 280 && early < 360, "\(early) of 400")
    }

    @Test("the audit confirms a draw and names what a wrong seed, instant or calendar changes")
    func audit() throws {
        let inputs = try Self.inputs()
        let draw = try FollowUpDraw(inputs: inputs, calendar: Self.calendar, seed: Self.seed(7))
        #expect(
            FollowUpAudit.verify(
                seed: Self.seed(7), inputs: inputs, commitment: draw.commitment, dueAt: draw.dueAt,
                calendar: Self.calendar
            ).isEmpty)
        let wrongSeed = FollowUpAudit.verify(
            seed: Self.seed(8), inputs: inputs, commitment: draw.commitment, dueAt: draw.dueAt, calendar: Self.calendar)
        #expect(wrongSeed.contains { if case .commitmentMismatch = $0 { true } else { false } })
        let moved = FollowUpAudit.verify(
            seed: Self.seed(7), inputs: inputs, commitment: draw.commitment, dueAt: draw.dueAt.adding(seconds: 60),
            calendar: Self.calendar)
        #expect(moved == [.instantMismatch(recorded: draw.dueAt.adding(seconds: 60), replayed: draw.dueAt)])
        let otherHours = WorkCalendar(profiles: [
            SeasonalHours(
                base: HoursProfile(
                    name: "default",
                    sessions: [
                        Session(start: TimeOfDay(hour: 7, minute: 0), end: TimeOfDay(hour: 11, minute: 0))
                    ], graceMinutes: 5))
        ])
        let changed = FollowUpAudit.verify(
            seed: Self.seed(7), inputs: inputs, commitment: draw.commitment, dueAt: draw.dueAt, calendar: otherHours)
        #expect(changed.contains { if case .calendarChanged = $0 { true } else { false } })
    }

    @Test("the commitment covers every input: another inspection followed gives another commitment")
    func commitment() throws {
        let inputs = try Self.inputs()
        var other = inputs
        other.follows = 13
        #expect(inputs.commitment(seed: Self.seed(1)) != other.commitment(seed: Self.seed(1)))
        #expect(inputs.commitment(seed: Self.seed(1)).count == 64)
    }
}
