/// Rounding as reports do it: to one decimal, half up (a half goes away from zero), on exact integers.
///
/// `Double` arithmetic rounds 0.15 and 0.25 inconsistently; reports that people check by hand must not. Every rate
/// here is a ratio of counts, so it is computed on integers and rounded once.
public enum HalfUp {
    /// `numerator / denominator` rounded to the nearest integer, halves away from zero.
    /// - Precondition: `denominator` is not zero.
    public static func divide(_ numerator: Int, by denominator: Int) -> Int {
        precondition(denominator != 0, "division by zero")
        let negative = (numerator < 0) != (denominator < 0)
        let n = abs(numerator)
        let d = abs(denominator)
        let rounded = (2 * n + d) / (2 * d)
        return negative ? -rounded : rounded
    }

    /// `part` as a percentage of `whole`, to one decimal (`151` tenths for 16 of 106); nil when `whole` is zero.
    public static func percent(_ part: Int, of whole: Int) -> Tenths? {
        whole == 0 ? nil : Tenths(tenths: divide(part * 1000, by: whole))
    }

    /// `count` per 100 of `base`, to one decimal; nil when `base` is zero.
    public static func per100(_ count: Int, of base: Int) -> Tenths? {
        percent(count, of: base)
    }
}
