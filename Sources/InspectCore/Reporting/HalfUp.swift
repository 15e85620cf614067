/// Rounding as reports do it: to one decimal, half up (a half goes away from zero), on exact integers.
///
/// `Double` arithmetic rounds 0.15 and 0.25 inconsistently; reports that people check by hand must not. Every rate
/// here is a ratio of counts, so it is computed on integers and rounded once. The arithmetic is done in 128 bits
/// and the result clamped, so that no stored count, however large (a durations sum, a `checked` of `Int.max`
/// planted before limits existed), can trap a report.
public enum HalfUp {
    /// `numerator / denominator` rounded to the nearest integer, halves away from zero, clamped to `Int`.
    /// - Precondition: `denominator` is not zero.
    public static func divide(_ numerator: Int, by denominator: Int) -> Int {
        divide(Int128(numerator), by: Int128(denominator))
    }

    /// `part` as a percentage of `whole`, to one decimal (`151` tenths for 16 of 106); nil when `whole` is zero.
    public static func percent(_ part: Int, of whole: Int) -> Tenths? {
        whole == 0 ? nil : Tenths(tenths: divide(Int128(part) * 1000, by: Int128(whole)))
    }

    /// `count` per 100 of `base`, to one decimal; nil when `base` is zero.
    public static func per100(_ count: Int, of base: Int) -> Tenths? {
        percent(count, of: base)
    }

    /// The wide division behind the others: no `Int` operand makes it overflow.
    private static func divide(_ numerator: Int128, by denominator: Int128) -> Int {
        precondition(denominator != 0, "division by zero")
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        let away: Int128 = (numerator < 0) != (denominator < 0) ? -1 : 1
        let rounded = 2 * remainder.magnitude >= denominator.magnitude ? quotient + away : quotient
        return Int(clamping: rounded)
    }
}
