/// The sections of a summary report, in the order every format shows them.
public enum ReportSection: String, CaseIterable, Sendable {
    case inspections
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
        .inspections, .offices, .notInspected, .checks, .violationsByType, .violationsBySeverity, .escalations,
        .correctiveActions, .trend, .breakdowns,
    ]
}
