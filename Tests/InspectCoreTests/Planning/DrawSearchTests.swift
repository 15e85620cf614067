import InspectTesting
import Testing

@testable import InspectCore

/// The exhaustive search finds an arrangement exactly when one exists: checked against brute force on small
/// random problems, whose every arrangement can be listed.
@Suite struct DrawSearchTests {
    /// A small random problem: up to three offices, a week of days, tight capacities.
    static func problem(using rng: inout SplitMix64) -> DrawSearch {
        let dayCount = 4 + rng.uniform(below: 4)
        let offices = (0..<(1 + rng.uniform(below: 3))).map { _ in
            let days = (0..<dayCount).filter { _ in rng.uniform(below: 4) > 0 }
            let low = rng.uniform(below: 3) == 0 ? rng.uniform(below: 2) + 1 : 0
            return DrawSearch.Office(
                dayNumbers: days.map { 100 + $0 }, dayIndices: days, low: low, high: low + rng.uniform(below: 3),
                deficit: rng.uniform(below: 3))
        }
        return DrawSearch(
            offices: offices, capacity: (0..<dayCount).map { _ in rng.uniform(below: 3) },
            total: 1 + rng.uniform(below: 5), required: rng.uniform(below: 3), spacing: rng.uniform(below: 4))
    }

    /// The day lists `office` may take: positions in increasing order (repeats allowed without spacing), as many as
    /// it must and may take.
    static func choices(_ office: DrawSearch.Office, spacing: Int) -> [[Int]] {
        var result: [[Int]] = []
        func extend(_ taken: [Int]) {
            if taken.count >= office.low { result.append(taken) }
            guard taken.count < office.high else { return }
            for position in (taken.last ?? 0)..<office.dayNumbers.count {
                if let last = taken.last {
                    let gap = office.dayNumbers[position] - office.dayNumbers[last]
                    guard spacing == 0 ? gap >= 0 : gap >= spacing else { continue }
                }
                extend(taken + [position])
            }
        }
        extend([])
        return result
    }

    /// Whether an arrangement meets every rule of `search`.
    static func isValid(_ chosen: [[Int]], _ search: DrawSearch) -> Bool {
        var load = Array(repeating: 0, count: search.capacity.count)
        var covered = 0
        for (office, days) in zip(search.offices, chosen) {
            guard (office.low...office.high).contains(days.count), days == days.sorted() else { return false }
            for (earlier, later) in zip(days, days.dropFirst())
            where office.dayNumbers[later] - office.dayNumbers[earlier] < search.spacing {
                return false
            }
            for day in days { load[office.dayIndices[day]] += 1 }
            covered += min(days.count, office.deficit)
        }
        return zip(load, search.capacity).allSatisfy { $0 <= $1 }
            && chosen.map(\.count).reduce(0, +) == search.total && covered >= search.required
    }

    /// Whether any arrangement meets every rule, by listing them all (leaving out only those already past `Total`).
    static func exists(_ search: DrawSearch) -> Bool {
        func from(_ index: Int, _ chosen: [[Int]], _ count: Int) -> Bool {
            guard count <= search.total else { return false }
            guard index < search.offices.count else { return isValid(chosen, search) }
            return choices(search.offices[index], spacing: search.spacing).contains {
                from(index + 1, chosen + [$0], count + $0.count)
            }
        }
        return from(0, [], 0)
    }

    @Test("over 3,000 small problems the search finds an arrangement exactly when brute force does")
    func matchesBruteForce() {
        var problems = SplitMix64(seed: 20_270_312)
        var found = 0
        for index in 0..<3000 {
            let search = Self.problem(using: &problems)
            var order = SplitMix64(seed: UInt64(index))
            switch search.run(using: &order) {
            case .found(let chosen):
                #expect(Self.isValid(chosen, search), "problem \(index): \(chosen) breaks a rule")
                found += 1
            case .none:
                #expect(!Self.exists(search), "problem \(index): an arrangement exists")
            case .cutShort:
                Issue.record("problem \(index): a small problem was cut short")
            }
        }
        // Both outcomes are common, so each side of the comparison is exercised.
        #expect(found > 300 && found < 2700, "\(found) found")
    }

    @Test("the order of the choices comes from the generator: seeds find different arrangements")
    func randomOrder() {
        let search = DrawSearch(
            offices: Array(
                repeating: DrawSearch.Office(
                    dayNumbers: Array(100..<110), dayIndices: Array(0..<10), low: 0, high: 2, deficit: 0),
                count: 3),
            capacity: Array(repeating: 1, count: 10), total: 5, required: 0, spacing: 3)
        var arrangements: Set<[[Int]]> = []
        for seed: UInt64 in 1...20 {
            var rng = SplitMix64(seed: seed)
            guard case .found(let chosen) = search.run(using: &rng) else {
                Issue.record("seed \(seed) found nothing")
                return
            }
            #expect(Self.isValid(chosen, search))
            arrangements.insert(chosen)
        }
        #expect(arrangements.count > 10)
    }
}
