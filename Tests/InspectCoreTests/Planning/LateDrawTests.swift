import InspectCore
import InspectTesting
import Testing

/// A period drawn after it began owes its share of the total, and a horizon the plan was not there for in full owes
/// no minimum (`SurpriseRules.owed`).
@Suite struct LateDrawTests {
    static let rules = SurpriseRules(period: .month, total: 8, minPerOffice: 1, horizon: .quarter, maxPerOffice: 2)

    static func owed(
        _ rules: SurpriseRules = rules, period: String, from local: String, horizonKept: Bool = true
    ) throws -> SurpriseRules {
        try rules.owed(
            in: PlannerFixture.period(period), from: PlannerFixture.instant(local), horizonKept: horizonKept,
            profiles: ["default", "morning"], calendar: PlannerFixture.calendar)
    }

    @Test("a period drawn in time owes the plan's rules; the minimum only over a horizon drawn in time")
    func inTime() throws {
        #expect(try Self.owed(period: "2026-04", from: "2026-03-20 10:00") == Self.rules)
        #expect(try Self.owed(period: "2026-04", from: "2026-04-01 00:00") == Self.rules)
        var withoutMinimum = Self.rules
        withoutMinimum.minPerOffice = 0
        #expect(try Self.owed(period: "2026-05", from: "2026-04-20 10:00", horizonKept: false) == withoutMinimum)
    }

    @Test("a period drawn after it began owes the share of its working days left, rounded up, and no minimum")
    func late() throws {
        // March 2026 has 22 working days; from Wednesday 25 March at 10:00, five are left: 8 × 5 / 22 = 1.8.
        let owed = try Self.owed(period: "2026-03", from: "2026-03-25 10:00")
        #expect(owed.total == 2)
        #expect(owed.minPerOffice == 0)
        #expect(owed.maxPerOffice == 2)
        // The last day counts while a whole minute of it is left, as the planner counts days.
        #expect(try Self.owed(period: "2026-03", from: "2026-03-31 16:59").total == 1)
        #expect(try Self.owed(period: "2026-03", from: "2026-03-31 16:59:30").total == 0)
        #expect(try Self.owed(period: "2026-03", from: "2026-03-31 17:00").total == 0)
    }

    @Test("a week drawn on its Saturday owes nothing and is drawn with no inspection, on whole minutes otherwise")
    func nothingLeft() throws {
        let weekly = SurpriseRules(period: .week, total: 3, minSpacingDays: 0)
        let saturday = try Self.owed(weekly, period: "2026-W13", from: "2026-03-28 10:00")
        #expect(saturday.total == 0)
        let offices = PlannerFixture.offices(3)
        let none = try DrawInputs(
            plan: "test-plan", rules: saturday, teams: ["a"], period: PlannerFixture.period("2026-W13"),
            offices: offices, history: [], calendar: PlannerFixture.calendar,
            notBefore: PlannerFixture.instant("2026-03-28 10:00"))
        #expect(try PlannerFixture.draw(none, seed: 1).isEmpty)
        // On Friday at 16:20:30 a whole minute is left, the draw starts on the next whole one.
        let friday = PlannerFixture.instant("2026-03-27 16:20:30")
        let inputs = try DrawInputs(
            plan: "test-plan", rules: try Self.owed(weekly, period: "2026-W13", from: "2026-03-27 16:20:30"),
            teams: ["a"], period: PlannerFixture.period("2026-W13"), offices: offices, history: [],
            calendar: PlannerFixture.calendar, notBefore: friday)
        #expect(inputs.rules.total == 1)
        #expect(inputs.notBefore == PlannerFixture.instant("2026-03-27 16:21"))
        for seed: UInt64 in 1...20 {
            let drafts = try PlannerFixture.draw(inputs, seed: seed)
            #expect(PlannerFixture.brokenConstraints(drafts, inputs: inputs).isEmpty)
            #expect(drafts.allSatisfy { $0.dueAt >= friday })
        }
    }
}
