/// The sections of a summary report, in the order every format shows them.
public enum ReportSection: String, CaseIterable, Sendable {
    case inspections
    /// The sites a center's report covers (none in a site's own report).
    case sites
    case offices
    case notInspected
    case checks
    case violationsByType
    case violationsBySeverity
    case trend
    case breakdowns
    case escalations
    case correctiveActions

    /// The sections reports show, in order.
    public static let available: [ReportSection] = [
        .inspections, .sites, .offices, .notInspected, .checks, .violationsByType, .violationsBySeverity, .escalations,
        .correctiveActions, .trend, .breakdowns,
    ]
}
