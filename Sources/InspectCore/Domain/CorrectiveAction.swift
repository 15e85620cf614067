/// Where a corrective action stands: `open → done → verified`.
public enum ActionStatus: String, Sendable, Codable, CaseIterable {
    /// Required and not yet reported done.
    case open
    /// Reported done by the office or the person; waiting for the team to check.
    case done
    /// Checked by the team: the shortcoming is corrected.
    case verified
}

/// What a finding requires to be put right, by when, and who moved it along (chấn chỉnh).
///
/// Findings stay append-only; an action is a record of its own that points at the finding (by the id of the row
/// that first recorded it, so amendments keep it). Each step keeps who took it and when.
public struct CorrectiveAction: Hashable, Sendable, Codable {
    public var id: Int64
    /// The finding, by the id of the row that first recorded it.
    public var finding: Int64
    public var requirement: String
    /// The last day to complete it; it is overdue from the next local midnight (`dueAt`).
    public var dueDate: CivilDate
    public var dueAt: Instant
    public var status: ActionStatus
    public var requiredBy: String
    public var requiredAt: Instant
    public var doneBy: String?
    public var doneAt: Instant?
    public var doneNote: String?
    public var verifiedBy: String?
    public var verifiedAt: Instant?
    public var verifiedNote: String?
    /// When it was reported overdue (once), if it was.
    public var overdueAt: Instant?

    public init(
        id: Int64, finding: Int64, requirement: String, dueDate: CivilDate, dueAt: Instant, status: ActionStatus,
        requiredBy: String, requiredAt: Instant, doneBy: String? = nil, doneAt: Instant? = nil,
        doneNote: String? = nil, verifiedBy: String? = nil, verifiedAt: Instant? = nil, verifiedNote: String? = nil,
        overdueAt: Instant? = nil
    ) {
        self.id = id
        self.finding = finding
        self.requirement = requirement
        self.dueDate = dueDate
        self.dueAt = dueAt
        self.status = status
        self.requiredBy = requiredBy
        self.requiredAt = requiredAt
        self.doneBy = doneBy
        self.doneAt = doneAt
        self.doneNote = doneNote
        self.verifiedBy = verifiedBy
        self.verifiedAt = verifiedAt
        self.verifiedNote = verifiedNote
        self.overdueAt = overdueAt
    }

    /// Whether it is still open at `now` past its due instant.
    public func isOverdue(at now: Instant) -> Bool { status == .open && now >= dueAt }
}
