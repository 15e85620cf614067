import InspectCore

/// One dated line of a staff or office history.
public struct TimelineEntry: Codable, Sendable, Hashable {
    public var at: Instant
    public var kind: TimelineKind
    /// One readable line: what happened, with the essential names and numbers.
    public var summary: String
    public var office: String?
    public var staff: String?
    public var inspection: Int64?
    public var finding: Int64?
    public var escalation: Int64?
    public var action: Int64?

    public init(
        at: Instant, kind: TimelineKind, summary: String, office: String? = nil, staff: String? = nil,
        inspection: Int64? = nil, finding: Int64? = nil, escalation: Int64? = nil, action: Int64? = nil
    ) {
        self.at = at
        self.kind = kind
        self.summary = summary
        self.office = office
        self.staff = staff
        self.inspection = inspection
        self.finding = finding
        self.escalation = escalation
        self.action = action
    }
}

/// What a timeline entry records; the order of the cases orders entries at the same instant.
public enum TimelineKind: String, Codable, Sendable, DeclarationOrdered {
    /// A person registered in an office, or moved into it.
    case joined
    /// A person moved from one office to another.
    case moved
    /// A person moved out of the office.
    case left
    /// A person's level, title or a qualification was recorded.
    case profileChanged = "profile-changed"
    case inspectionDue = "inspection-due"
    case inspectionOpened = "inspection-opened"
    case findingRecorded = "finding-recorded"
    case findingAmended = "finding-amended"
    case findingRetracted = "finding-retracted"
    case inspectionClosed = "inspection-closed"
    case inspectionMissed = "inspection-missed"
    case inspectionCancelled = "inspection-cancelled"
    case escalationRaised = "escalation-raised"
    case escalationAcknowledged = "escalation-acknowledged"
    case actionRequired = "action-required"
    case actionDone = "action-done"
    case actionVerified = "action-verified"
    case actionOverdue = "action-overdue"

    /// Entries by time, then in the order things happen within one instant, then by the record they concern.
    static func inOrder(_ lhs: TimelineEntry, _ rhs: TimelineEntry) -> Bool {
        let leftID = lhs.finding ?? lhs.escalation ?? lhs.action ?? lhs.inspection ?? 0
        let rightID = rhs.finding ?? rhs.escalation ?? rhs.action ?? rhs.inspection ?? 0
        return (lhs.at, lhs.kind, leftID, lhs.summary) < (rhs.at, rhs.kind, rightID, rhs.summary)
    }
}

/// Counts heading a history: where the person or office stands now.
public struct HistorySummary: Codable, Sendable, Hashable {
    /// Findings as they stand (not retracted).
    public var findings: Int
    public var escalations: Int
    public var openEscalations: Int
    public var openActions: Int
    public var overdueActions: Int
}

/// `inspectctl report staff BADGE`: a person, their office history and the timeline of their record.
public struct StaffReport: Codable, Sendable, Hashable {
    public var staff: Staff
    public var officeName: String
    public var assignments: [Assignment]
    public var summary: HistorySummary
    public var timeline: [TimelineEntry]
}

/// `inspectctl report office CODE`: an office, its recent rate and the timeline of its record.
public struct OfficeReport: Codable, Sendable, Hashable {
    public var office: Office
    public var risk: OfficeRisk
    public var summary: HistorySummary
    public var timeline: [TimelineEntry]
}
