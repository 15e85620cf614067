/// Shares of a whole, rounded to one decimal so that they add up to 100.0%, and equal counts to equal shares.
///
/// Rounding each share on its own can give 99.9% or 100.1% (three equal thirds are 33.3% each). The largest
/// remainder method (Hamilton's) gives each part its rounded-down share, then hands the tenths still missing to the
/// parts that lost most by rounding down; ties go to the larger count, then to the earlier part, so the result is
/// deterministic.
///
/// Parts with equal counts lose equally, so they stand together in that order, and a tenth goes to all of them or to
/// none: a reader who sees two offices with 2 violations each expects the same percentage for both. When the
/// tenths left cannot go to a whole group of equal counts, that group and the parts after it are rounded half up
/// instead, each on its own; the shares then add up to a little more or less than 100.0% (six equal parts are
/// 16.7% each, 100.2% in all; three are 33.3%, 99.9%). A part's share never moves more than one tenth from its exact
/// value.
public enum LargestRemainder {
    /// The share of each count in their total, in tenths of a percent, adding up to 1000 unless equal counts stand
    /// in the way; all nil when the total is zero (there is no whole to share).
    public static func shares(_ counts: [Int]) -> [Tenths?] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts.map { _ in nil } }
        precondition(counts.allSatisfy { $0 >= 0 }, "counts must not be negative")
        var tenths = counts.map { $0 * 1000 / total }
        let remainders = counts.map { $0 * 1000 % total }
        var missing = 1000 - tenths.reduce(0, +)
        let order = counts.indices.sorted { a, b in
            if remainders[a] != remainders[b] { return remainders[a] > remainders[b] }
            if counts[a] != counts[b] { return counts[a] > counts[b] }
            return a < b
        }
        var rest = order[...]
        while missing > 0, let first = rest.first {
            let group = rest.prefix { counts[$0] == counts[first] }
            guard group.count <= missing else {
                for index in rest where 2 * remainders[index] >= total { tenths[index] += 1 }
                break
            }
            for index in group { tenths[index] += 1 }
            missing -= group.count
            rest = rest.dropFirst(group.count)
        }
        return tenths.map { Tenths(tenths: $0) }
    }
}
