import InspectCore

/// Asks for a summary report of one period.
public struct SummaryRequest: Codable, Sendable, Hashable {
    public var period: ReportPeriod
    /// The breakdowns to compute, in the order they are shown.
    public var breakdowns: [BreakdownDimension]

    public init(period: ReportPeriod, breakdowns: [BreakdownDimension] = []) {
        self.period = period
        self.breakdowns = breakdowns
    }
}
