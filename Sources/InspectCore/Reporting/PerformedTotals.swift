/// Sums over some inspections performed in a period: what the trend and each row of an inspection breakdown (by
/// site, office, month or kind) are made of. A site sums them here from each inspection; the center has PostgreSQL
/// sum them, and both make their rows and figures from this one value.
public struct PerformedTotals: Sendable, Hashable {
    /// Inspections performed (opened; perhaps closed).
    public var inspections: Int
    /// Current findings of all of them, open or closed.
    public var violations: Int
    /// The checks of the closed ones.
    public var checks: CheckCounts

    public init(inspections: Int, violations: Int, checks: CheckCounts) {
        self.inspections = inspections
        self.violations = violations
        self.checks = checks
    }

    public init(_ performed: [PerformedInspection]) {
        self.init(
            inspections: performed.count, violations: performed.map(\.violations).reduce(0, +),
            checks: CheckCounts(performed))
    }

    /// The breakdown row of these inspections, its share still to be computed (``ReportBreakdown/init(by:rows:)``).
    public func row(key: String, name: String?) -> BreakdownRow {
        BreakdownRow(
            key: key, name: name, inspections: inspections, staffChecked: checks.staffChecked, violations: violations,
            violationsPer100Checked: checks.violationsPer100Checked)
    }
}

extension PeriodFigures {
    /// The headline figures of the inspections performed in a period.
    public init(_ totals: PerformedTotals) {
        performed = totals.inspections
        staffChecked = totals.checks.staffChecked
        violations = totals.violations
        violationsPer100Checked = totals.checks.violationsPer100Checked
        compliantShare = totals.checks.compliantShare
    }
}
