import InspectCore

/// What one round of putting plans on the schedule did.
public struct SchedulingReport: Codable, Sendable, Hashable {
    /// Planned inspections added to the schedule.
    public var scheduled = 0
    /// Scheduled planned inspections cancelled because their plan no longer calls for them.
    public var cancelled = 0
    /// Surprise draws made, as `PLAN PERIOD`.
    public var drawn: [String] = []
    /// Draws whose period ended and whose seed was published, as `PLAN PERIOD`.
    public var revealed: [String] = []
    /// What could not be done, the rest having gone ahead: draws as `PLAN PERIOD: reason` (an infeasible plan, say),
    /// planned plans whose occurrences could not be worked out as `PLAN: reason`.
    public var failed: [String] = []

    public init() {}
}

/// The result of auditing one revealed surprise draw.
public struct DrawAudit: Codable, Sendable, Hashable {
    public var plan: String
    public var period: String
    public var commitment: String
    /// The revealed seed, hex.
    public var seed: String
    public var inspections: Int
    /// Empty when the draw is confirmed: committed before the period, random, and carried out as drawn.
    public var problems: [String]
    /// What the journal witnessed of the commitment, or why it could not be asked.
    public var witness: String

    public var isConfirmed: Bool { problems.isEmpty }
}
