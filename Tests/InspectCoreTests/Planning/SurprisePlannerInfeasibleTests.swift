import InspectCore
import Testing

/// A plan that cannot meet its constraints says why, instead of drawing fewer inspections.
@Suite struct SurprisePlannerInfeasibleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var what: String
        var rules: SurpriseRules
        var period: String
        var offices: [DrawOffice]
        var history: [VisitRecord] = []
        var reason: String

        var testDescription: String { what }
    }

    static let cases: [Case] = [
        Case(
            what: "Total above working days × teams × capacity",
            rules: SurpriseRules(period: .week, total: 6, teamCapacity: 1), period: "2026-W07",
            offices: PlannerFixture.offices(10),
            reason: "Total=6 inspections, but 1 team(s) with TeamCapacity=1 on 5 working day(s) can do at most 5"),
        Case(
            what: "capacity already booked by the team's other inspections",
            rules: SurpriseRules(period: .week, total: 5, teamCapacity: 1), period: "2026-W07",
            offices: PlannerFixture.offices(10),
            history: [VisitRecord(office: "PNV", at: PlannerFixture.instant("2026-02-11 09:00"), team: "team-a")],
            reason: "can do at most 4 (1 already booked)"),
        Case(
            what: "a week of holidays: Tết",
            rules: SurpriseRules(period: .week, total: 1), period: "2026-W08", offices: PlannerFixture.offices(3),
            reason: "on 0 working day(s) can do at most 0"),
        Case(
            what: "a minimum that the total cannot hold",
            rules: SurpriseRules(period: .month, total: 5, minPerOffice: 1), period: "2026-03",
            offices: PlannerFixture.offices(10),
            reason: "the horizon minimum (MinPerOffice=1 per month) needs 10 inspection(s) this month, but Total=5"),
        Case(
            what: "a minimum the maximum cannot reach in the horizon's last period",
            rules: SurpriseRules(period: .month, total: 2, minPerOffice: 3, horizon: .quarter, maxPerOffice: 1),
            period: "2026-06", offices: PlannerFixture.offices(2),
            reason: "office XA-01 still needs 3 inspection(s) this quarter (MinPerOffice=3), but MaxPerOffice=1 per"
                + " month leaves room for only 1"),
        Case(
            what: "a minimum that later periods can no longer hold",
            rules: SurpriseRules(period: .month, total: 2, minPerOffice: 1, horizon: .quarter, maxPerOffice: 1),
            period: "2026-05", offices: PlannerFixture.offices(5),
            reason: "the horizon minimum (MinPerOffice=1 per quarter) needs 3 inspection(s) this month, but Total=2"),
        Case(
            what: "spacing that makes MaxPerOffice impossible",
            rules: SurpriseRules(period: .month, total: 3, maxPerOffice: 3, minSpacingDays: 15), period: "2026-04",
            offices: [DrawOffice(code: "XA-01")],
            reason: "MaxPerOffice=3, MinSpacing=15 day(s) and the offices' working days leave room for at most 2"
                + " inspection(s), fewer than Total=3"),
        Case(
            what: "more inspections than offices × MaxPerOffice",
            rules: SurpriseRules(period: .month, total: 5, maxPerOffice: 2), period: "2026-04",
            offices: PlannerFixture.offices(2), reason: "leave room for at most 4 inspection(s), fewer than Total=5"),
        Case(
            what: "spacing from earlier visits leaves an office no day for its minimum",
            rules: SurpriseRules(period: .week, total: 1, minPerOffice: 1, minSpacingDays: 30), period: "2026-W10",
            offices: [DrawOffice(code: "XA-01")],
            history: [VisitRecord(office: "XA-01", at: PlannerFixture.instant("2026-02-25 09:00"))],
            reason: "leave room for at most 0 inspection(s), fewer than Total=1"),
        Case(
            what: "no office selected",
            rules: SurpriseRules(period: .month, total: 1), period: "2026-04", offices: [],
            reason: "the plan selects no active office"),
    ]

    @Test("infeasible plans fail with the reason", arguments: cases)
    func infeasible(_ example: Case) throws {
        let inputs = try PlannerFixture.inputs(
            example.rules, period: example.period, offices: example.offices, history: example.history)
        let error = #expect(throws: InspectError.self) { try PlannerFixture.draw(inputs, seed: 1) }
        guard case .conflict(let message) = error else {
            Issue.record("expected a conflict, got \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("surprise plan 'test-plan' is infeasible for \(example.period): "), "\(message)")
        #expect(message.contains(example.reason), "\(message)")
    }

    @Test("inputs that make no sense are refused before any draw")
    func invalidInputs() throws {
        let rules = SurpriseRules(period: .month, total: 1)
        #expect(throws: InspectError.invalidInput("plan 'test-plan' draws by month, not by week")) {
            try PlannerFixture.inputs(rules, period: "2026-W10", offices: PlannerFixture.offices(2))
        }
        #expect(throws: InspectError.invalidInput("office 'A' is listed twice in the draw")) {
            try PlannerFixture.inputs(
                rules, period: "2026-03", offices: [DrawOffice(code: "A"), DrawOffice(code: "A")])
        }
        #expect(throws: InspectError.invalidInput("office 'A' has weight 0; weights are at least 1")) {
            try PlannerFixture.inputs(rules, period: "2026-03", offices: [DrawOffice(code: "A", weight: 0)])
        }
        #expect(throws: InspectError.invalidInput("plan 'test-plan' has no team")) {
            try PlannerFixture.inputs(rules, period: "2026-03", offices: [DrawOffice(code: "A")], teams: [])
        }
        #expect(throws: InspectError.invalidInput("plan 'test-plan' lists a team twice: a b a")) {
            try PlannerFixture.inputs(
                rules, period: "2026-03", offices: [DrawOffice(code: "A")], teams: ["a", "b", "a"])
        }
        #expect(throws: InspectError.notFound(kind: "hours profile", key: "night")) {
            try PlannerFixture.inputs(
                rules, period: "2026-03", offices: [DrawOffice(code: "A", hoursProfile: "night")])
        }
    }
}
