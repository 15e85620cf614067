/// The sections of a summary report, in the order every format shows them.
///
/// - Important: Extension point. `escalations` (escalations raised in the period, by level) and `correctiveActions`
///   (corrective actions open and overdue at the period's end) are reserved: their JSON keys exist and are `null`,
///   and no format shows them yet. To wire one: count it in the service's summary query (same read transaction),
///   add its value to `SummaryReport` (replacing the `encodeNil` for its key), build its table in
///   `ReportDocument.table(for:)`, add a clause to `ReportNarrative`, and move the case into `available`.
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

    /// The sections reports have today, in order.
    public static let available: [ReportSection] = [
        .inspections, .offices, .notInspected, .checks, .violationsByType, .violationsBySeverity, .trend, .breakdowns,
    ]

    /// Reserved: named in JSON (as `null`), shown nowhere until their records exist.
    public static let reserved: [ReportSection] = [.escalations, .correctiveActions]
}
