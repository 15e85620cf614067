import InspectCore
import InspectTesting

/// Calendars, offices and an independent checker of every surprise-draw constraint, shared by the planner tests.
enum PlannerFixture {
    static let zone = LocalZone.vietnam

    /// Holidays computed for 2026, plus one make-up working Saturday (2026-04-25) to show draws may use it; the
    /// `default` profile, a `one-stop` profile with longer hours and a `morning` profile with a morning only.
    static let calendar: WorkCalendar = {
        let makeUp = MakeUpWorkingDay(
            date: CivilDate(year: 2026, month: 4, day: 25), name: "Make-up day", nameVietnamese: "Làm bù",
            location: IniLocation(path: "2026.conf", line: 1))
        let announcement = HolidayAnnouncement(
            year: 2026, replacesDefaults: false, daysOff: [], makeUpWorkingDays: [makeUp])
        let oneStop = HoursProfile(
            name: "one-stop", sessions: [session("07:00", "11:30"), session("13:00", "17:00")], graceMinutes: 5)
        let morning = HoursProfile(name: "morning", sessions: [session("07:30", "11:30")], graceMinutes: 5)
        return WorkCalendar(
            zone: zone, profiles: [SeasonalHours(base: oneStop), SeasonalHours(base: morning)],
            holidays: HolidayCalendar(announcements: [announcement]))
    }()

    static func session(_ start: String, _ end: String) -> Session {
        Session(start: TimeOfDay(parsing: start)!, end: TimeOfDay(parsing: end)!)
    }

    static func instant(_ text: String) -> Instant { try! TimeParsing.instant(text, in: zone) }

    static func period(_ label: String) -> DrawPeriod { DrawPeriod(label: label, zone: zone)! }

    /// `count` offices `XA-01`, `XA-02`, … cycling through the profiles, with weights 1000, 2000, … 5000.
    static func offices(_ count: Int, profiles: [String] = ["default", "one-stop", "morning"]) -> [DrawOffice] {
        (1...count).map { index in
            DrawOffice(
                code: "XA-\(index < 10 ? "0" : "")\(index)", hoursProfile: profiles[index % profiles.count],
                weight: 1000 * (index % 5 + 1))
        }
    }

    static func inputs(
        _ rules: SurpriseRules, period: String, offices: [DrawOffice], teams: [String] = ["team-a"],
        history: [VisitRecord] = [], plan: String = "test-plan"
    ) throws -> DrawInputs {
        try DrawInputs(
            plan: plan, rules: rules, teams: teams, period: self.period(period), offices: offices, history: history,
            calendar: calendar)
    }

    static func draw(_ inputs: DrawInputs, seed: UInt64) throws -> [SurpriseDraft] {
        var rng = SplitMix64(seed: seed)
        return try SurprisePlanner(inputs: inputs, calendar: calendar).draw(using: &rng)
    }

    // MARK: - The independent checker

    /// Every constraint the drafts break, checked from scratch against the calendar; empty when all hold.
    static func brokenConstraints(
        _ drafts: [SurpriseDraft], inputs: DrawInputs, calendar: WorkCalendar = calendar
    ) -> [String] {
        let rules = inputs.rules
        var broken: [String] = []
        if drafts.count != rules.total { broken.append("\(drafts.count) drafts, Total=\(rules.total)") }
        if drafts != drafts.sorted() { broken.append("drafts are not sorted") }
        let profiles = Dictionary(uniqueKeysWithValues: inputs.offices.map { ($0.code, $0.hoursProfile) })
        for draft in drafts {
            guard let profile = profiles[draft.office] else {
                broken.append("\(draft): office not selected")
                continue
            }
            let date = calendar.zone.local(draft.dueAt).date
            if !inputs.period.contains(draft.dueAt) { broken.append("\(draft): outside \(inputs.period)") }
            if draft.dueAt.seconds % 60 != 0 { broken.append("\(draft): not on a whole minute") }
            if (try? calendar.isWorkingMoment(draft.dueAt, profile: profile)) != true {
                broken.append("\(draft): not a working moment of \(profile)")
            }
            if let holiday = calendar.holidays.holiday(on: date) { broken.append("\(draft): on \(holiday)") }
            if !inputs.teams.contains(draft.team) { broken.append("\(draft): team not in the plan") }
        }
        let visits =
            inputs.history.map { (office: $0.office, at: $0.at, team: $0.team) }
            + drafts.map { (office: $0.office, at: $0.dueAt, team: Optional($0.team)) }
        for office in inputs.offices.map(\.code) {
            let mine = visits.filter { $0.office == office }
            let inPeriod = mine.filter { inputs.period.contains($0.at) }.count
            if let maximum = rules.maxPerOffice, inPeriod > maximum {
                broken.append("\(office): \(inPeriod) in the period, MaxPerOffice=\(maximum)")
            }
            let days = mine.map { calendar.zone.local($0.at).date.dayNumber }.sorted()
            for (earlier, later) in zip(days, days.dropFirst()) where later - earlier < rules.minSpacingDays {
                broken.append("\(office): visits \(later - earlier) day(s) apart, MinSpacing=\(rules.minSpacingDays)")
            }
        }
        var load: [String: Int] = [:]
        for visit in visits where inputs.period.contains(visit.at) {
            guard let team = visit.team, inputs.teams.contains(team) else { continue }
            load["\(team) \(calendar.zone.local(visit.at).date)", default: 0] += 1
        }
        for (key, count) in load where count > rules.teamCapacity {
            broken.append("\(key): \(count) inspections, TeamCapacity=\(rules.teamCapacity)")
        }
        broken += horizonProblems(drafts, inputs: inputs, calendar: calendar)
        return broken.sorted()
    }

    /// The horizon minimum: what is left for later periods fits in them, and the drafts marked `horizon-minimum`
    /// are exactly as many as had to be drawn now.
    private static func horizonProblems(
        _ drafts: [SurpriseDraft], inputs: DrawInputs, calendar: WorkCalendar
    ) -> [String] {
        let rules = inputs.rules
        guard rules.minPerOffice > 0 else {
            return drafts.contains { $0.reason == .horizonMinimum } ? ["horizon-minimum drafts without a minimum"] : []
        }
        let later = inputs.periodsLeftInHorizon - 1
        var problems: [String] = []
        var expectedForced = 0
        var deferredTotal = 0
        var leftTotal = 0
        for office in inputs.offices.map(\.code) {
            let before = inputs.history.filter { $0.office == office && inputs.horizon.contains($0.at) }.count
            let deficit = max(0, rules.minPerOffice - before)
            let deferrable = later == 0 ? 0 : rules.maxPerOffice.map { later * $0 } ?? deficit
            expectedForced += max(0, deficit - deferrable)
            deferredTotal += min(deficit, deferrable)
            let drawn = drafts.filter { $0.office == office }
            let forcedHere = drawn.filter { $0.reason == .horizonMinimum }.count
            if forcedHere > deficit {
                problems.append("\(office): \(forcedHere) horizon drafts for a deficit of \(deficit)")
            }
            let left = max(0, deficit - drawn.count)
            leftTotal += left
            if left > deferrable {
                problems.append("\(office): \(left) still missing, later periods hold \(deferrable)")
            }
        }
        expectedForced += max(0, deferredTotal - later * rules.total)
        if leftTotal > later * rules.total {
            problems.append("\(leftTotal) inspections still missing, later periods hold \(later * rules.total)")
        }
        let forced = drafts.filter { $0.reason == .horizonMinimum }.count
        if forced != expectedForced { problems.append("\(forced) horizon-minimum drafts, expected \(expectedForced)") }
        return problems
    }
}
