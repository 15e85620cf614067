import InspectCore
import InspectTesting
import Testing

@Suite struct SurprisePlannerFrequencyTests {
    /// The chi-squared critical value for 4 degrees of freedom at p = 0.001.
    static let criticalValue = 18.467

    @Test("over 100,000 draws of one inspection, offices are drawn in proportion to their risk weights")
    func frequenciesMatchWeights() throws {
        // Given five offices whose records give weights 1, 1, 2, 3 and 5 under risk weighting
        let rates = [(0, 10), (0, 25), (1, 10), (2, 10), (4, 10)]
        let offices = rates.enumerated().map { index, rate in
            DrawOffice(
                office: Office(code: "XA-\(index + 1)", name: "Commune \(index + 1)", kind: .commune),
                risk: RiskRate(violations: rate.0, checked: rate.1), weighting: .risk)
        }
        #expect(offices.map(\.weight) == [1000, 1000, 2000, 3000, 5000])
        let rules = SurpriseRules(period: .month, total: 1, weighting: .risk)
        let inputs = try PlannerFixture.inputs(rules, period: "2026-03", offices: offices)
        let planner = try SurprisePlanner(inputs: inputs, calendar: PlannerFixture.calendar)

        // When one inspection is drawn 100,000 times from one generator
        let draws = 100_000
        var rng = SplitMix64(seed: 20_260_301)
        var counts: [String: Int] = [:]
        for _ in 0..<draws {
            let drafts = try planner.draw(using: &rng)
            counts[drafts[0].office, default: 0] += 1
        }

        // Then the counts fit the weights: chi-squared with 4 degrees of freedom below the p = 0.001 critical value
        let totalWeight = Double(offices.map(\.weight).reduce(0, +))
        let statistic = offices.reduce(0.0) { sum, office in
            let expected = Double(draws) * Double(office.weight) / totalWeight
            let observed = Double(counts[office.code] ?? 0)
            return sum + (observed - expected) * (observed - expected) / expected
        }
        #expect(statistic < Self.criticalValue, "chi-squared \(statistic), counts \(counts.sorted { $0.key < $1.key })")
        #expect(counts.values.reduce(0, +) == draws)
    }

    @Test("the statistic catches a wrong distribution: uniform draws do not fit the risk weights")
    func statisticHasPower() throws {
        // Given the same five offices drawn uniformly
        let offices = (1...5).map { DrawOffice(code: "XA-\($0)") }
        let inputs = try PlannerFixture.inputs(
            SurpriseRules(period: .month, total: 1), period: "2026-03", offices: offices)
        let planner = try SurprisePlanner(inputs: inputs, calendar: PlannerFixture.calendar)
        var rng = SplitMix64(seed: 7)
        var counts = Array(repeating: 0, count: 5)
        let draws = 10_000
        for _ in 0..<draws {
            counts[Int(try planner.draw(using: &rng)[0].office.dropFirst(3))! - 1] += 1
        }
        // When tested against weights 1, 1, 2, 3, 5, then the fit is rejected.
        let weights = [1.0, 1, 2, 3, 5]
        let statistic = zip(counts, weights).reduce(0.0) { sum, pair in
            let expected = Double(draws) * pair.1 / 12
            return sum + (Double(pair.0) - expected) * (Double(pair.0) - expected) / expected
        }
        #expect(statistic > Self.criticalValue)
    }
}
