import InspectCore

/// What everyone may know about a follow-up once it is scheduled: which inspection it follows, the span it falls
/// in (policy, not secret) and the commitment; its instant only for admins until it is due.
public struct FollowUpNotice: Codable, Sendable, Hashable {
    /// The follow-up inspection.
    public var inspection: Int64
    public var follows: Int64
    public var office: String
    public var firstDay: CivilDate
    public var lastDay: CivilDate
    public var commitment: String
    public var status: InspectionStatus
    /// Shown to admins, and to everyone once it is no longer scheduled.
    public var dueAt: Instant?
}

/// The result of auditing a follow-up's draw once its seed is revealed.
public struct FollowUpAuditReport: Codable, Sendable, Hashable {
    public var inspection: Int64
    public var follows: Int64
    public var commitment: String
    /// The revealed seed, hex.
    public var seed: String
    public var dueAt: Instant
    /// Empty when the follow-up was drawn at random as committed, and scheduled as drawn.
    public var problems: [String]
    /// What the journal witnessed of the commitment, or why it could not be asked.
    public var witness: String

    public var isConfirmed: Bool { problems.isEmpty }
}
