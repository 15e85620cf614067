/// What `inspectctl report summary` reports for one period: the district's inspections, the offices they reached,
/// the staff they checked, the violations they found, and the trend against the previous period.
///
/// A value of plain counts and one-decimal figures, computed in one read transaction by the service and rendered
/// by the CLI as a table, Markdown, CSV, HTML or JSON (this value, encoded). Rates are over closed inspections,
/// whose number of staff checked is known; counts of violations are over every inspection performed (open or
/// closed). Findings count as they stand: amended rows count once, retracted ones not at all.
///
/// What was done about the findings closes the report: the escalations the period raised (`escalations`) and the
/// corrective actions it required and left undone (`correctiveActions`).
///
/// The center's report (`report summary --central`) is the same value over one or more sites, with `sites` saying
/// which; a site's own report has none.
public struct SummaryReport: Codable, Sendable, Hashable {
    public var period: ReportPeriod
    public var previousPeriod: ReportPeriod
    /// The zone the period's days and months are read in.
    public var zone: String
    public var inspections: InspectionCounts
    public var offices: OfficeCoverage
    public var checks: CheckCounts
    public var violations: ViolationCounts
    public var trend: ReportTrend
    /// The breakdowns asked for (`--by`), plus those the HTML charts need.
    public var breakdowns: [ReportBreakdown]
    public var escalations: EscalationCounts
    public var correctiveActions: ActionCounts
    /// The sites a center's report covers; nil in a site's own report.
    public var sites: SiteCoverage?

    public init(
        period: ReportPeriod, previousPeriod: ReportPeriod, zone: String, inspections: InspectionCounts,
        offices: OfficeCoverage,
        checks: CheckCounts, violations: ViolationCounts, trend: ReportTrend, breakdowns: [ReportBreakdown],
        escalations: EscalationCounts, correctiveActions: ActionCounts, sites: SiteCoverage? = nil
    ) {
        self.period = period
        self.previousPeriod = previousPeriod
        self.zone = zone
        self.inspections = inspections
        self.offices = offices
        self.checks = checks
        self.violations = violations
        self.trend = trend
        self.breakdowns = breakdowns
        self.escalations = escalations
        self.correctiveActions = correctiveActions
        self.sites = sites
    }

    /// The breakdown by `dimension`, if it was computed.
    public func breakdown(_ dimension: BreakdownDimension) -> ReportBreakdown? {
        breakdowns.first { $0.by == dimension }
    }

    private enum CodingKeys: String, CodingKey {
        case period, previousPeriod, zone, inspections, offices, checks, violations, trend, breakdowns
        case escalations, correctiveActions, sites
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        period = try container.decode(ReportPeriod.self, forKey: .period)
        previousPeriod = try container.decode(ReportPeriod.self, forKey: .previousPeriod)
        zone = try container.decode(String.self, forKey: .zone)
        inspections = try container.decode(InspectionCounts.self, forKey: .inspections)
        offices = try container.decode(OfficeCoverage.self, forKey: .offices)
        checks = try container.decode(CheckCounts.self, forKey: .checks)
        violations = try container.decode(ViolationCounts.self, forKey: .violations)
        trend = try container.decode(ReportTrend.self, forKey: .trend)
        breakdowns = try container.decode([ReportBreakdown].self, forKey: .breakdowns)
        escalations = try container.decode(EscalationCounts.self, forKey: .escalations)
        correctiveActions = try container.decode(ActionCounts.self, forKey: .correctiveActions)
        sites = try container.decodeIfPresent(SiteCoverage.self, forKey: .sites)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period, forKey: .period)
        try container.encode(previousPeriod, forKey: .previousPeriod)
        try container.encode(zone, forKey: .zone)
        try container.encode(inspections, forKey: .inspections)
        try container.encode(offices, forKey: .offices)
        try container.encode(checks, forKey: .checks)
        try container.encode(violations, forKey: .violations)
        try container.encode(trend, forKey: .trend)
        try container.encode(breakdowns, forKey: .breakdowns)
        try container.encode(escalations, forKey: .escalations)
        try container.encode(correctiveActions, forKey: .correctiveActions)
        try container.encodeIfPresent(sites, forKey: .sites)
    }
}

/// How many inspections of one kind (or of all kinds) the period had, by what became of them.
public struct StatusCounts: Codable, Sendable, Hashable {
    /// The kind counted, or nil for the total over all kinds.
    public var kind: InspectionKind?
    /// Put on the schedule in advance (they have a due time): what was planned to happen.
    public var planned: Int
    /// Opened by a team (open or closed): what happened.
    public var performed: Int
    /// Not opened before their window closed.
    public var missed: Int
    public var cancelled: Int
    /// Scheduled or due, not yet opened.
    public var pending: Int

    public init(kind: InspectionKind?, planned: Int, performed: Int, missed: Int, cancelled: Int, pending: Int) {
        self.kind = kind
        self.planned = planned
        self.performed = performed
        self.missed = missed
        self.cancelled = cancelled
        self.pending = pending
    }

    /// Every inspection counted, whatever became of it.
    public var total: Int { performed + missed + cancelled + pending }
}

/// Inspections by kind, in the order planned, surprise, follow-up, ad hoc, with their total.
public struct InspectionCounts: Codable, Sendable, Hashable {
    public var byKind: [StatusCounts]
    public var total: StatusCounts

    public init(byKind: [StatusCounts]) {
        self.byKind = byKind
        total = StatusCounts(
            kind: nil, planned: byKind.map(\.planned).reduce(0, +), performed: byKind.map(\.performed).reduce(0, +),
            missed: byKind.map(\.missed).reduce(0, +), cancelled: byKind.map(\.cancelled).reduce(0, +),
            pending: byKind.map(\.pending).reduce(0, +))
    }

    /// The counts of one kind.
    public func of(_ kind: InspectionKind) -> StatusCounts {
        byKind.first { $0.kind == kind }
            ?? StatusCounts(kind: kind, planned: 0, performed: 0, missed: 0, cancelled: 0, pending: 0)
    }
}

/// An office as reports name it.
public struct OfficeName: Codable, Sendable, Hashable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// Which offices the period's inspections reached.
public struct OfficeCoverage: Codable, Sendable, Hashable {
    /// Offices in the registry during the period (active, or retired after it started).
    public var offices: Int
    /// Offices with at least one inspection performed in the period.
    public var covered: Int
    public var coveredShare: Tenths?
    /// The offices no inspection reached, by code.
    public var notInspected: [OfficeName]

    public init(offices: Int, covered: Int, notInspected: [OfficeName]) {
        self.offices = offices
        self.covered = covered
        coveredShare = HalfUp.percent(covered, of: offices)
        self.notInspected = notInspected
    }
}

/// The staff checked by closed inspections, and what was found about them: the base of every rate.
public struct CheckCounts: Codable, Sendable, Hashable {
    public var closedInspections: Int
    /// Closed inspections with no violation found.
    public var inspectionsWithoutViolations: Int
    /// Staff checked, summed over closed inspections (a person checked twice counts twice).
    public var staffChecked: Int
    /// Violations found by closed inspections.
    public var violations: Int
    /// Checks that found the person in violation: per closed inspection, the distinct staff with a finding.
    public var staffWithViolations: Int
    /// Checks that found nothing: staff checked less staff with violations.
    public var compliantChecks: Int
    public var violationsPer100Checked: Tenths?
    /// Share of checks with no violation.
    public var compliantShare: Tenths?

    public init(
        closedInspections: Int, inspectionsWithoutViolations: Int, staffChecked: Int, violations: Int,
        staffWithViolations: Int
    ) {
        self.closedInspections = closedInspections
        self.inspectionsWithoutViolations = inspectionsWithoutViolations
        self.staffChecked = staffChecked
        self.violations = violations
        self.staffWithViolations = staffWithViolations
        compliantChecks = max(0, staffChecked - staffWithViolations)
        violationsPer100Checked = HalfUp.per100(violations, of: staffChecked)
        compliantShare = HalfUp.percent(compliantChecks, of: staffChecked)
    }
}

/// How many findings of one violation type the period's inspections recorded.
public struct TypeCount: Codable, Sendable, Hashable {
    public var code: String
    public var nameEN: String
    public var nameVI: String
    public var severity: Severity
    public var count: Int
    /// Share of all violations; the shares of all types add up to 100%.
    public var share: Tenths?

    public init(type: ViolationType, count: Int, share: Tenths?) {
        code = type.code
        nameEN = type.nameEN
        nameVI = type.nameVI
        severity = type.severity
        self.count = count
        self.share = share
    }

    public func name(in language: Language) -> String { language == .vi ? nameVI : nameEN }
}

/// How many findings of one severity the period's inspections recorded.
public struct SeverityCount: Codable, Sendable, Hashable {
    public var severity: Severity
    public var count: Int
    public var share: Tenths?
}

/// The violations found by the period's inspections, as they stand.
public struct ViolationCounts: Codable, Sendable, Hashable {
    public var total: Int
    /// Types with at least one violation, most frequent first (then by code).
    public var byType: [TypeCount]
    /// Every severity, minor to serious.
    public var bySeverity: [SeverityCount]

    /// Counts per type; shares are computed here so they add up to 100%.
    public init(counts: [(type: ViolationType, count: Int)]) {
        let present = counts.filter { $0.count > 0 }.sorted { a, b in
            a.count != b.count ? a.count > b.count : a.type.code < b.type.code
        }
        let shares = LargestRemainder.shares(present.map(\.count))
        byType = zip(present, shares).map { TypeCount(type: $0.type, count: $0.count, share: $1) }
        total = present.map(\.count).reduce(0, +)
        let severities = Severity.allCases.map { severity in
            present.filter { $0.type.severity == severity }.map(\.count).reduce(0, +)
        }
        bySeverity = zip(Severity.allCases, zip(severities, LargestRemainder.shares(severities))).map {
            SeverityCount(severity: $0, count: $1.0, share: $1.1)
        }
    }
}

/// The headline figures of one period, as the trend compares them.
public struct PeriodFigures: Codable, Sendable, Hashable {
    public var performed: Int
    public var staffChecked: Int
    public var violations: Int
    public var violationsPer100Checked: Tenths?
    public var compliantShare: Tenths?

    public init(inspections: InspectionCounts, checks: CheckCounts, violations: Int) {
        performed = inspections.total.performed
        staffChecked = checks.staffChecked
        self.violations = violations
        violationsPer100Checked = checks.violationsPer100Checked
        compliantShare = checks.compliantShare
    }
}

/// The period against the one before it, of the same length.
public struct ReportTrend: Codable, Sendable, Hashable {
    public var current: PeriodFigures
    public var previous: PeriodFigures
    public var change: FigureChange

    public init(current: PeriodFigures, previous: PeriodFigures) {
        self.current = current
        self.previous = previous
        change = FigureChange(current: current, previous: previous)
    }
}

/// Current less previous. Rates change by the difference of the figures shown (both rounded), so the change
/// printed is the difference a reader computes; nil when either period has no base.
public struct FigureChange: Codable, Sendable, Hashable {
    public var performed: Int
    public var staffChecked: Int
    public var violations: Int
    public var violationsPer100Checked: Tenths?
    public var compliantShare: Tenths?

    public init(current: PeriodFigures, previous: PeriodFigures) {
        performed = current.performed - previous.performed
        staffChecked = current.staffChecked - previous.staffChecked
        violations = current.violations - previous.violations
        violationsPer100Checked = Self.difference(current.violationsPer100Checked, previous.violationsPer100Checked)
        compliantShare = Self.difference(current.compliantShare, previous.compliantShare)
    }

    private static func difference(_ current: Tenths?, _ previous: Tenths?) -> Tenths? {
        guard let current, let previous else { return nil }
        return current - previous
    }
}
