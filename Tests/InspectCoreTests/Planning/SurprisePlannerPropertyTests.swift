import InspectCore
import InspectTesting
import Testing

/// Many seeds over a few plan shapes: every constraint is checked from the output alone by
/// `PlannerFixture.brokenConstraints`, independently of the planner's own bookkeeping.
@Suite struct SurprisePlannerPropertyTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        var name: String
        var rules: SurpriseRules
        /// Drawn one after the other, each period's drafts joining the history of the next.
        var periods: [String]
        var offices: [DrawOffice]
        var teams: [String]
        var history: [VisitRecord] = []

        var testDescription: String { name }
    }

    static let seeds: ClosedRange<UInt64> = 1...500

    static let shapes: [Shape] = [
        Shape(
            name: "monthly over a quarter, risk weights, two teams, every office once a quarter",
            rules: SurpriseRules(
                period: .month, total: 8, minPerOffice: 1, horizon: .quarter, maxPerOffice: 2, minSpacingDays: 10,
                teamCapacity: 2, weighting: .risk, preferSessionStart: true),
            periods: ["2026-04", "2026-05", "2026-06"], offices: PlannerFixture.offices(20),
            teams: ["noi-vu-1", "noi-vu-2"],
            history: [
                // Spacing reaches across the period boundary: XA-01 cannot be drawn before 7 April.
                VisitRecord(office: "XA-01", at: PlannerFixture.instant("2026-03-28 08:00"), team: "noi-vu-1"),
                // Another office's inspection takes team capacity only.
                VisitRecord(office: "PNV", at: PlannerFixture.instant("2026-04-02 08:00"), team: "noi-vu-1"),
                VisitRecord(office: "PNV", at: PlannerFixture.instant("2026-04-02 14:00"), team: "noi-vu-1"),
            ]),
        Shape(
            name: "a week filled exactly: one team, one a day, one day and one office already taken",
            rules: SurpriseRules(
                period: .week, total: 4, maxPerOffice: 1, minSpacingDays: 1, teamCapacity: 1, weighting: .risk),
            periods: ["2026-W07"], offices: PlannerFixture.offices(6), teams: ["solo"],
            history: [
                VisitRecord(office: "PNV", at: PlannerFixture.instant("2026-02-10 09:00"), team: "solo"),
                VisitRecord(office: "XA-01", at: PlannerFixture.instant("2026-02-12 08:00")),
            ]),
        Shape(
            name: "a quarter over Tết at once, two each at least, one a day per team",
            rules: SurpriseRules(
                period: .quarter, total: 30, minPerOffice: 2, maxPerOffice: 5, minSpacingDays: 7, teamCapacity: 1),
            periods: ["2026-Q1"],
            offices: PlannerFixture.offices(10).map { DrawOffice(code: $0.code, hoursProfile: $0.hoursProfile) },
            teams: ["a", "b"]),
        Shape(
            name: "mornings only, no maximum, no spacing, around National Day",
            rules: SurpriseRules(
                period: .month, total: 40, minSpacingDays: 0, teamCapacity: 3, preferSessionStart: true),
            periods: ["2026-09"], offices: PlannerFixture.offices(3, profiles: ["morning"]), teams: ["x", "y"]),
    ]

    @Test("no constraint is ever broken, totals are exact, and a seed always gives the same draw", arguments: shapes)
    func constraintsHold(shape: Shape) throws {
        var distinct: Set<[SurpriseDraft]> = []
        for seed in Self.seeds {
            var history = shape.history
            var drawn: [SurpriseDraft] = []
            var horizon: DrawPeriod?
            for (index, label) in shape.periods.enumerated() {
                // Given the history so far
                let inputs = try PlannerFixture.inputs(
                    shape.rules, period: label, offices: shape.offices, teams: shape.teams, history: history)
                horizon = horizon ?? inputs.horizon
                // When the period is drawn
                let generatorSeed = seed &* 7919 &+ UInt64(index)
                let drafts = try PlannerFixture.draw(inputs, seed: generatorSeed)
                // Then every constraint holds, and the draw is reproducible
                let broken = PlannerFixture.brokenConstraints(drafts, inputs: inputs)
                #expect(broken.isEmpty, "seed \(seed), \(label): \(broken)")
                #expect(try PlannerFixture.draw(inputs, seed: generatorSeed) == drafts, "seed \(seed), \(label)")
                guard broken.isEmpty else { return }
                history += drafts.map { VisitRecord(office: $0.office, at: $0.dueAt, team: $0.team) }
                drawn += drafts
            }
            let horizonEnd = try #require(horizon).end
            if shape.rules.minPerOffice > 0, PlannerFixture.period(shape.periods.last!).end == horizonEnd {
                for office in shape.offices {
                    let count = history.filter { $0.office == office.code && horizon!.contains($0.at) }.count
                    #expect(count >= shape.rules.minPerOffice, "seed \(seed): \(office.code) had \(count)")
                }
            }
            distinct.insert(drawn)
        }
        // Different seeds draw differently.
        #expect(distinct.count == Self.seeds.count)
    }

    @Test("the horizon minimum is spread over the horizon: the first month draws only what later months cannot hold")
    func horizonSpread() throws {
        // Given 20 offices, 8 a month, each at least once a quarter: 20 deficits, 16 places in the later months.
        let shape = Self.shapes[0]
        let inputs = try PlannerFixture.inputs(
            shape.rules, period: "2026-04", offices: shape.offices, teams: shape.teams)
        #expect(inputs.periodsLeftInHorizon == 3)
        // When April is drawn, then exactly 4 drafts are forced by the minimum.
        for seed: UInt64 in 1...20 {
            let drafts = try PlannerFixture.draw(inputs, seed: seed)
            #expect(drafts.filter { $0.reason == .horizonMinimum }.count == 4)
        }
    }

    @Test("with PreferSessionStart most instants fall in a session's first 30 minutes; without it few do")
    func sessionStarts() throws {
        func shareNearStart(prefer: Bool) throws -> Double {
            var rules = Self.shapes[0].rules
            rules.preferSessionStart = prefer
            rules.minPerOffice = 0
            let offices = PlannerFixture.offices(20)
            let inputs = try PlannerFixture.inputs(rules, period: "2026-05", offices: offices, teams: ["a", "b"])
            let profiles = Dictionary(uniqueKeysWithValues: offices.map { ($0.code, $0.hoursProfile) })
            var near = 0
            var all = 0
            for seed: UInt64 in 1...200 {
                for draft in try PlannerFixture.draw(inputs, seed: seed) {
                    let local = PlannerFixture.zone.local(draft.dueAt)
                    let sessions = try PlannerFixture.calendar.sessions(
                        on: local.date, profile: profiles[draft.office]!)
                    let offset = sessions.map { local.time.secondsSinceMidnight - $0.start.secondsSinceMidnight }
                    if offset.contains(where: { (0..<1800).contains($0) }) { near += 1 }
                    all += 1
                }
            }
            return Double(near) / Double(all)
        }
        // Expected: 3/4 + 1/4 × (about 60 of 450 working minutes) ≈ 0.78 with the preference, ≈ 0.13 without.
        let preferred = try shareNearStart(prefer: true)
        let plain = try shareNearStart(prefer: false)
        #expect(preferred > 0.72 && preferred < 0.85, "\(preferred)")
        #expect(plain > 0.08 && plain < 0.20, "\(plain)")
    }

    @Test("drafts use a make-up Saturday as a working day")
    func makeUpDay() throws {
        // Given one office and a week whose only working days are the make-up Saturday and five weekdays
        let rules = SurpriseRules(period: .week, total: 6, minSpacingDays: 0, teamCapacity: 1)
        let inputs = try PlannerFixture.inputs(rules, period: "2026-W17", offices: PlannerFixture.offices(1))
        // When six are drawn with one a day, then every working day, Saturday 25 April included, gets one.
        let drafts = try PlannerFixture.draw(inputs, seed: 3)
        let days = Set(drafts.map { PlannerFixture.zone.local($0.dueAt).date.description })
        #expect(days.contains("2026-04-25"))
        #expect(days.count == 6)
        #expect(PlannerFixture.brokenConstraints(drafts, inputs: inputs).isEmpty)
    }
}
