/// How a surprise plan weighs offices against each other when it draws them.
///
/// Weights are whole numbers in thousandths, so they encode exactly in the draw's commitment and compare the same on
/// every machine: `base` (1000) is one office's share under `uniform`.
///
/// Under `risk` an office's weight is `base × min(riskCap, 1 + riskSlope × rate)`, where `rate` is the share of
/// staff checked in the recent window who had a violation, rounded down to a thousandth of the base. With the
/// slope 10 and the cap 5: a clean office weighs 1000, an office where 1 in 10 staff checked had a violation weighs
/// 2000 (drawn twice as often), and an office at 40 % or worse weighs 5000. The cap keeps every office at risk of
/// an inspection while keeping a bad record from monopolising the draws.
public enum Weighting: String, Hashable, Sendable, Codable, CaseIterable {
    /// Every office weighs the same.
    case uniform
    /// Offices with a worse recent record weigh more, up to `riskCap` times the base.
    case risk

    /// The weight of an office with a clean record, and of every office under `uniform`.
    public static let base = 1000
    /// How much each unit of violation rate adds to the factor.
    public static let riskSlope = 10
    /// The largest factor a record can earn.
    public static let riskCap = 5

    /// The weight, in thousandths, of an office with `risk` as its recent record.
    public func weight(for risk: RiskRate) -> Int {
        switch self {
        case .uniform:
            return Self.base
        case .risk:
            guard risk.checked > 0 else { return Self.base }
            let cap = Self.base * Self.riskCap
            // A rate of one or more is past the cap; stopping there keeps the product below from overflowing.
            guard risk.violations < risk.checked else { return cap }
            return min(cap, Self.base + Self.base * Self.riskSlope * risk.violations / risk.checked)
        }
    }
}

/// An office's recent record: violations found per staff checked, over a window the caller chooses.
public struct RiskRate: Hashable, Sendable, Codable {
    /// Violations recorded (counted once per finding, corrections applied).
    public var violations: Int
    /// Staff checked, summed over the closed inspections of the window.
    public var checked: Int

    /// - Precondition: both are zero or more.
    public init(violations: Int, checked: Int) {
        precondition(violations >= 0 && checked >= 0, "a risk rate counts things")
        self.violations = violations
        self.checked = checked
    }

    /// No inspection in the window: the base weight.
    public static let unknown = RiskRate(violations: 0, checked: 0)
}
