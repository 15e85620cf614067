/// What a summary can be broken down by (`--by`). `site` only at the center: a site's own report covers itself.
public enum BreakdownDimension: String, CaseIterable, Sendable, Codable {
    case site, office, type, month, category, kind

    /// Whether the rows count inspections and staff checked (site, office, month, kind) or only violations (type,
    /// category: a violation has a type and a person's category, a check of many people has neither).
    public var countsInspections: Bool { self != .type && self != .category }
}

/// One row of a breakdown.
public struct BreakdownRow: Codable, Sendable, Hashable {
    /// A site's name, office code, type code, month (`2027-01`), staff category, or inspection kind; `office` in a
    /// category breakdown collects findings about an office rather than a person. Office codes are the sites' own:
    /// a center's report over several sites writes them `site/code`.
    public var key: String
    /// The office's name, for office rows.
    public var name: String?
    /// Inspections performed (site, office, month and kind rows only).
    public var inspections: Int?
    /// Staff checked by closed inspections (site, office, month and kind rows only).
    public var staffChecked: Int?
    public var violations: Int
    /// Violations found by closed inspections per 100 staff they checked (site, office, month and kind rows only).
    public var violationsPer100Checked: Tenths?
    /// Share of the breakdown's violations; the rows' shares add up to 100%.
    public var share: Tenths?

    public init(
        key: String, name: String? = nil, inspections: Int? = nil, staffChecked: Int? = nil, violations: Int,
        violationsPer100Checked: Tenths? = nil, share: Tenths? = nil
    ) {
        self.key = key
        self.name = name
        self.inspections = inspections
        self.staffChecked = staffChecked
        self.violations = violations
        self.violationsPer100Checked = violationsPer100Checked
        self.share = share
    }
}

/// A summary broken down by one dimension.
public struct ReportBreakdown: Codable, Sendable, Hashable {
    public var by: BreakdownDimension
    public var rows: [BreakdownRow]

    /// Rows as given, with their shares of the violations computed so they add up to 100%.
    public init(by: BreakdownDimension, rows: [BreakdownRow]) {
        self.by = by
        let shares = LargestRemainder.shares(rows.map(\.violations))
        self.rows = zip(rows, shares).map { row, share in
            var row = row
            row.share = share
            return row
        }
    }

    /// The keys of a breakdown by category, in order: each staff category, then `office` (findings about an office
    /// rather than a person).
    public static let categories = StaffCategory.allCases.map(\.rawValue) + ["office"]

    /// Rows of inspection figures, one per key in `keys` (in that order, zero rows included), from the performed
    /// inspections.
    public init(
        by: BreakdownDimension, keys: [(key: String, name: String?)], performed: [PerformedInspection],
        key: (PerformedInspection) -> String
    ) {
        var groups: [String: [PerformedInspection]] = [:]
        for inspection in performed { groups[key(inspection), default: []].append(inspection) }
        self.init(
            by: by,
            rows: keys.map { PerformedTotals(groups[$0.key] ?? []).row(key: $0.key, name: $0.name) })
    }
}

/// One inspection performed in the period (opened; perhaps closed), with what was found: the unit the report's
/// rates and inspection breakdowns are built from.
public struct PerformedInspection: Sendable, Hashable {
    public var office: String
    public var kind: InspectionKind
    /// The local month of its reference time.
    public var month: ReportMonth
    public var closed: Bool
    /// Staff checked (closed inspections; 0 while open).
    public var checked: Int
    /// Current findings.
    public var violations: Int
    /// Distinct staff with a current finding.
    public var staffWithViolations: Int

    public init(
        office: String, kind: InspectionKind, month: ReportMonth, closed: Bool, checked: Int, violations: Int,
        staffWithViolations: Int
    ) {
        self.office = office
        self.kind = kind
        self.month = month
        self.closed = closed
        self.checked = checked
        self.violations = violations
        self.staffWithViolations = staffWithViolations
    }
}

extension CheckCounts {
    /// The checks of the closed inspections among `performed`.
    public init(_ performed: [PerformedInspection]) {
        let closed = performed.filter(\.closed)
        self.init(
            closedInspections: closed.count,
            inspectionsWithoutViolations: closed.filter { $0.violations == 0 }.count,
            staffChecked: closed.map(\.checked).reduce(0, +), violations: closed.map(\.violations).reduce(0, +),
            // An amendment after closing can name more people than were checked; a check is found in violation
            // at most once.
            staffWithViolations: closed.map { min($0.staffWithViolations, $0.checked) }.reduce(0, +))
    }
}
