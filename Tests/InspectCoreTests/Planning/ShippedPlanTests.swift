import Foundation
import InspectCore
import InspectTesting
import Testing

/// The plans under `etc/inspectd/plans.d/` are what a district starts from: they must parse, and draw.
@Suite struct ShippedPlanTests {
    private static let directory = URL(fileURLWithPath: BuiltProducts.repository)
        .appendingPathComponent("etc/inspectd/plans.d")

    private static func plans() throws -> PlanSet {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".conf") }.sorted()
        let documents = try files.map { file in
            try IniDocument(
                text: String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8),
                path: "/etc/inspectd/plans.d/\(file)")
        }
        return try PlanSet(documents: documents, validateCalendar: { _ in })
    }

    @Test("the shipped plans parse into a planned and a surprise plan")
    func shippedPlans() throws {
        let set = try Self.plans()
        #expect(set.plans.map(\.name) == ["planned-monthly", "surprise-communes"])

        let planned = try set.plan(named: "planned-monthly")
        #expect(planned.selector == OfficeSelector(kinds: [.department]))
        #expect(
            planned.plannedRules == PlannedRules(onCalendar: "Mon *-*-1..7 08:00", holidayPolicy: .nextWorkingSession))
        #expect(planned.window == .workingDays(2))
        #expect(planned.teams == ["noi-vu"])

        let surprise = try set.plan(named: "surprise-communes")
        #expect(surprise.selector == OfficeSelector(kinds: [.commune, .town]))
        #expect(surprise.checks.contains("LATE"))
        #expect(surprise.teams == ["noi-vu-1", "noi-vu-2"])
        #expect(surprise.window == .duration(seconds: 4 * 3600))
        #expect(
            surprise.surpriseRules
                == SurpriseRules(
                    period: .month, total: 8, minPerOffice: 1, horizon: .quarter, maxPerOffice: 2, minSpacingDays: 10,
                    teamCapacity: 2, weighting: .risk, preferSessionStart: true))
    }

    @Test("the shipped surprise plan draws a whole year for twenty communes and towns, every quarter covering all")
    func surprisePlanDrawsAYear() throws {
        let plan = try Self.plans().plan(named: "surprise-communes")
        let registry =
            (1...20).map { index in
                Office(
                    code: "UBND-\(index)", name: "Commune \(index)", parent: "UBND-HUYEN",
                    kind: index <= 2 ? .town : .commune)
            } + [Office(code: "PNV", name: "Home Affairs", parent: "UBND-HUYEN", kind: .department)]
        let selected = plan.selector.select(from: registry)
        #expect(selected.count == 20)
        let calendar = WorkCalendar()
        var period = DrawPeriod(label: "2026-01", zone: calendar.zone)!
        var history: [VisitRecord] = []
        var rng = SplitMix64(seed: 2026)
        for month in 1...12 {
            // Each office's record gives it a risk weight.
            let offices = selected.enumerated().map { index, office in
                DrawOffice(office: office, risk: RiskRate(violations: index % 4, checked: 20), weighting: .risk)
            }
            let inputs = try DrawInputs(
                plan: plan, period: period, offices: offices, history: history, calendar: calendar)
            let draw = try SurpriseDraw(inputs: inputs, calendar: calendar, seed: .random(using: &rng))
            #expect(PlannerFixture.brokenConstraints(draw.drafts, inputs: inputs, calendar: calendar).isEmpty)
            history += draw.drafts.map { VisitRecord(office: $0.office, at: $0.dueAt, team: $0.team) }
            if month % 3 == 0 {
                let quarter = inputs.horizon
                let covered = Set(history.filter { quarter.contains($0.at) }.map(\.office))
                #expect(covered.count == 20, "\(quarter)")
            }
            period = period.next(zone: calendar.zone)
        }
        #expect(history.count == 96)
    }
}
