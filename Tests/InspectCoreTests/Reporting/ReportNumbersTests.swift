import Foundation
import InspectCore
import Testing

@Suite("Report numbers: rounding, shares and formats")
struct ReportNumbersTests {
    @Test(
        "half-up rounding to one decimal on exact integers",
        arguments: [
            (16, 106, 151),  // the article's 15,1%
            (1, 8, 125),  // 12.5 exactly
            (1, 16, 63),  // 6.25 → 6.3 (a double would give 6.2 or 6.3 by luck)
            (3, 16, 188),  // 18.75 → 18.8
            (1, 3, 333), (2, 3, 667), (0, 5, 0), (5, 5, 1000),
        ])
    func percent(part: Int, whole: Int, tenths: Int) {
        #expect(HalfUp.percent(part, of: whole) == Tenths(tenths: tenths))
    }

    @Test("a decimal read from JSON is its tenths; one whose tenths are no Int is refused, not a trap")
    func decodedTenths() throws {
        #expect(
            try JSONDecoder().decode([Tenths].self, from: Data("[87.5, 15.1, -0.4]".utf8)).map(\.tenths) == [
                875, 151, -4,
            ])
        for number in ["1e39", "-1e300", "9.3e17"] {
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode([Tenths].self, from: Data("[\(number)]".utf8))
            }
        }
    }

    @Test("halves go away from zero for negative values too; no base gives no rate")
    func negativesAndZero() {
        #expect(HalfUp.divide(-5, by: 10) == -1)
        #expect(HalfUp.divide(-4, by: 10) == 0)
        #expect(HalfUp.divide(15, by: 10) == 2)
        #expect(HalfUp.percent(3, of: 0) == nil)
    }

    /// Counts stored before limits were checked (a `checked` of `Int.max`) reach the same arithmetic: it must give a
    /// number, never trap, and agree with exact rounding wherever the exact answer fits.
    @Test("rounding never traps on extreme counts and clamps only what does not fit")
    func extremes() {
        let extremes = [Int.min, Int.min + 1, -1_000_003, -2, -1, 1, 2, 7, 1_000_003, Int.max - 1, Int.max]
        for numerator in extremes + [0] {
            for denominator in extremes {
                let exact = (Double(numerator) / Double(denominator)).rounded(.toNearestOrAwayFromZero)
                let result = HalfUp.divide(numerator, by: denominator)
                if abs(exact) < 1e15 { #expect(Double(result) == exact, "\(numerator) / \(denominator)") }
                _ = HalfUp.percent(numerator, of: denominator)
            }
        }
        #expect(HalfUp.divide(Int.min, by: -1) == Int.max)
        #expect(HalfUp.divide(Int.max, by: 2) == Int.max / 2 + 1)
        #expect(HalfUp.percent(Int.max, of: 1) == Tenths(tenths: Int.max))
        #expect(HalfUp.percent(1, of: Int.max) == Tenths(tenths: 0))
    }

    @Test("a local time of an instant outside years 1–9999 reads as the nearest end, not a trap")
    func zoneExtremes() {
        for zone in [LocalZone.vietnam, .utc, LocalZone(identifier: "America/New_York")!] {
            #expect((9999...10000).contains(zone.local(Instant(seconds: .max)).date.year))
            #expect((0...1).contains(zone.local(Instant(seconds: .min)).date.year))
            #expect(zone.local(Instant(seconds: 0)).date.year >= 1969)
        }
    }

    @Test("largest-remainder shares add up to exactly 100.0% and stay within a tenth of the exact value")
    func sharesAddUp() {
        let cases: [[Int]] = [
            [16, 32, 44, 14], [1, 2, 3, 4, 5, 6, 7], [999, 1], [7], [0, 3, 0], [2, 1, 1], [5, 4, 2, 1],
        ]
        for counts in cases {
            let shares = LargestRemainder.shares(counts).map { $0!.tenths }
            #expect(shares.reduce(0, +) == 1000, "\(counts)")
            let total = counts.reduce(0, +)
            for (count, share) in zip(counts, shares) {
                #expect(abs(share * total - count * 1000) < total, "\(counts)")
            }
        }
        // The article's four shares of 106 papers: 16, 32, 44, 14.
        #expect(LargestRemainder.shares([16, 32, 44, 14]).map { $0!.tenths } == [151, 302, 415, 132])
        #expect(LargestRemainder.shares([0, 0]) == [nil, nil])
    }

    @Test("equal counts get equal shares, even where the whole then is not exactly 100.0%")
    func equalCountsEqualShares() {
        let cases: [[Int]] = [
            [1, 1, 1], [2, 2, 2, 2, 2, 2], [1, 1, 1, 1, 1, 1], [3, 1, 1, 1], [4, 2, 2, 1, 1, 1, 1], [7, 7, 7, 2, 2],
            [1, 1, 1, 1, 1, 1, 1], [10, 3, 3, 3, 1, 1, 1],
        ]
        for counts in cases {
            let shares = LargestRemainder.shares(counts).map { $0!.tenths }
            let total = counts.reduce(0, +)
            for (index, count) in counts.enumerated() {
                #expect(abs(shares[index] * total - count * 1000) < total, "\(counts): within a tenth")
                for (other, otherCount) in counts.enumerated() where otherCount == count {
                    #expect(shares[index] == shares[other], "\(counts): equal counts, equal shares")
                }
            }
        }
        // The sample's six equal types: 16.7% each, not 16.7% and 16.6%; three thirds 33.3% each.
        #expect(LargestRemainder.shares([1, 1, 1, 1, 1, 1]).map { $0!.tenths } == [167, 167, 167, 167, 167, 167])
        #expect(LargestRemainder.shares([1, 1, 1]).map { $0!.tenths } == [333, 333, 333])
        // Equal counts take the missing tenths together when there are enough for all of them.
        #expect(LargestRemainder.shares([2, 1, 1, 1, 1, 1]).map { $0!.tenths } == [285, 143, 143, 143, 143, 143])
    }

    @Test("Vietnamese groups with dots and writes decimals with a comma; English the other way")
    func formats() {
        let vi = ReportNumbers(.vi)
        let en = ReportNumbers(.en)
        #expect(vi.integer(1536) == "1.536")
        #expect(en.integer(1536) == "1,536")
        #expect(vi.integer(1_234_567) == "1.234.567")
        #expect(en.integer(-1_234_567) == "-1,234,567")
        #expect(vi.integer(35) == "35")
        #expect(vi.percent(Tenths(tenths: 151)) == "15,1%")
        #expect(en.percent(Tenths(tenths: 151)) == "15.1%")
        #expect(vi.decimal(Tenths(tenths: 12345)) == "1.234,5")
        #expect(en.signedDecimal(Tenths(tenths: -4)) == "-0.4")
        #expect(vi.signedDecimal(Tenths(tenths: 22)) == "+2,2")
        #expect(en.signedInteger(5) == "+5")
        #expect(en.signedInteger(0) == "0")
        #expect(Tenths(tenths: -4).description == "-0.4")
        #expect(Tenths(tenths: 1000).description == "100.0")
    }

    @Test("the previous period has the same length and ends where the period starts, across a year boundary")
    func periods() throws {
        let zone = LocalZone.vietnam
        let from = zone.startOfDay(CivilDate(year: 2026, month: 12, day: 1))
        let to = zone.startOfDay(CivilDate(year: 2027, month: 2, day: 1))
        let period = try ReportPeriod(from: from, to: to)
        let previous = period.previous(in: zone)
        #expect(previous.to == from)
        #expect(previous.from == zone.startOfDay(CivilDate(year: 2026, month: 10, day: 1)))
        #expect(period.lastDay(in: zone) == CivilDate(year: 2027, month: 1, day: 31))
        #expect(period.months(in: zone).map(\.description) == ["2026-12", "2027-01"])
        #expect(ReportDates.span(period, zone: zone, .vi) == "01/12/2026 – 31/01/2027")
        #expect(ReportDates.span(previous, zone: zone, .en) == "1 October 2026 – 30 November 2026")
        // A quarter of 90 days against the quarter before (92 days); a span of days against as many days.
        let quarter = try ReportPeriod(
            from: zone.startOfDay(CivilDate(year: 2027, month: 1, day: 1)),
            to: zone.startOfDay(CivilDate(year: 2027, month: 4, day: 1)))
        #expect(ReportDates.span(quarter.previous(in: zone), zone: zone, .vi) == "01/10/2026 – 31/12/2026")
        let days = try ReportPeriod(
            from: zone.startOfDay(CivilDate(year: 2027, month: 5, day: 10)),
            to: zone.startOfDay(CivilDate(year: 2027, month: 5, day: 20)))
        #expect(ReportDates.span(days.previous(in: zone), zone: zone, .en) == "30 April 2027 – 9 May 2027")
        // The year so far (the default period) against the same days a year earlier, not the end of that year.
        let yearSoFar = try ReportPeriod(
            from: zone.startOfDay(CivilDate(year: 2026, month: 1, day: 1)),
            to: zone.startOfDay(CivilDate(year: 2026, month: 12, day: 7)))
        #expect(ReportDates.span(yearSoFar.previous(in: zone), zone: zone, .vi) == "01/01/2025 – 06/12/2025")
        let leapYearSoFar = try ReportPeriod(
            from: zone.startOfDay(CivilDate(year: 2028, month: 1, day: 1)),
            to: zone.startOfDay(CivilDate(year: 2028, month: 2, day: 29)))
        #expect(
            ReportDates.span(leapYearSoFar.previous(in: zone), zone: zone, .en) == "1 January 2027 – 28 February 2027")
        #expect(throws: InspectError.invalidInput("the report's --from must be before its --to")) {
            try ReportPeriod(from: to, to: from)
        }
    }
}
