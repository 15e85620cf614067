/// How an inspection came about.
public enum InspectionKind: String, Sendable, Codable, CaseIterable {
    /// Announced on a plan's calendar (kiểm tra theo kế hoạch).
    case planned
    /// Drawn at random and kept secret until due (kiểm tra đột xuất).
    case surprise
    /// A return visit after violations were found.
    case followUp = "follow-up"
    /// Opened by a team on the spot, without a plan.
    case adHoc = "ad-hoc"
}

/// Where an inspection is in its life: `scheduled → due → open → closed`, or `missed` / `cancelled`.
public enum InspectionStatus: String, Sendable, Codable, CaseIterable {
    case scheduled, due, open, closed, missed, cancelled

    /// Whether nothing more can happen to the inspection.
    public var isFinal: Bool { self == .closed || self == .missed || self == .cancelled }
}

/// One visit of an inspection team to one office.
public struct Inspection: Hashable, Sendable, Codable {
    public var id: Int64
    public var office: String
    public var kind: InspectionKind
    public var status: InspectionStatus
    /// The plan that produced it, if any.
    public var plan: String?
    /// When it falls due (planned and surprise inspections).
    public var dueAt: Instant?
    /// Until when it may be opened before it counts as missed.
    public var windowEnd: Instant?
    public var team: String?
    public var openedAt: Instant?
    public var openedBy: String?
    public var closedAt: Instant?
    public var closedBy: String?
    /// How many staff were checked, given on close; the denominator of every rate.
    public var checked: Int?
    public var cancelReason: String?
    /// For a follow-up: the inspection it returns to check on.
    public var follows: Int64?

    public init(
        id: Int64, office: String, kind: InspectionKind, status: InspectionStatus, plan: String? = nil,
        dueAt: Instant? = nil, windowEnd: Instant? = nil, team: String? = nil, openedAt: Instant? = nil,
        openedBy: String? = nil, closedAt: Instant? = nil, closedBy: String? = nil, checked: Int? = nil,
        cancelReason: String? = nil, follows: Int64? = nil
    ) {
        self.id = id
        self.office = office
        self.kind = kind
        self.status = status
        self.plan = plan
        self.dueAt = dueAt
        self.windowEnd = windowEnd
        self.team = team
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.closedAt = closedAt
        self.closedBy = closedBy
        self.checked = checked
        self.cancelReason = cancelReason
        self.follows = follows
    }
}
