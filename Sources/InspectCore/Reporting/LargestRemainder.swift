/// Shares of a whole, rounded to one decimal so that they add up to exactly 100.0%.
///
/// Rounding each share on its own can give 99.9% or 100.1% (three equal thirds are 33.3% each). The largest
/// remainder method (Hamilton's) gives each part its rounded-down share, then hands the tenths still missing to the
/// parts that lost most by rounding down; ties go to the larger count, then to the earlier part, so the result is
/// deterministic. A part's share never moves more than one tenth from its exact value.
public enum LargestRemainder {
    /// The share of each count in their total, in tenths of a percent, adding up to 1000; all nil when the total
    /// is zero (there is no whole to share).
    public static func shares(_ counts: [Int]) -> [Tenths?] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts.map { _ in nil } }
        precondition(counts.allSatisfy { $0 >= 0 }, "counts must not be negative")
        var tenths = counts.map { $0 * 1000 / total }
        let remainders = counts.map { $0 * 1000 % total }
        let missing = 1000 - tenths.reduce(0, +)
        let order = counts.indices.sorted { a, b in
            if remainders[a] != remainders[b] { return remainders[a] > remainders[b] }
            if counts[a] != counts[b] { return counts[a] > counts[b] }
            return a < b
        }
        for index in order.prefix(missing) { tenths[index] += 1 }
        return tenths.map { Tenths(tenths: $0) }
    }
}
