import InspectCore

/// Filters for listing escalations; every one is optional.
public struct EscalationFilter: Codable, Sendable, Hashable {
    /// Only escalations not yet acknowledged.
    public var openOnly: Bool
    /// Only escalations about this person.
    public var staff: String?
    /// Only escalations concerning this office: about the office itself, or about a person and raised by a finding
    /// made in its inspections.
    public var office: String?

    public init(openOnly: Bool = false, staff: String? = nil, office: String? = nil) {
        self.openOnly = openOnly
        self.staff = staff
        self.office = office
    }
}

/// An escalation as people see it.
public struct EscalationView: Codable, Sendable, Hashable {
    public var id: Int64
    public var rule: String
    public var level: EscalationLevel
    public var subject: EscalationSubject
    /// The rule's count, N.
    public var threshold: Int
    /// `30 days`, `20 working days`.
    public var window: String
    public var firstDay: CivilDate
    public var lastDay: CivilDate
    /// How many findings it counted (N or more).
    public var count: Int
    /// The findings it counted, by the id of the row that first recorded each.
    public var findings: [Int64]
    /// The finding whose writing (or amending) raised it, by the id of the row that first recorded it.
    public var trigger: Int64
    /// The office where the triggering finding was made.
    public var office: String
    public var raisedAt: Instant
    public var raisedBy: String
    public var acknowledgedAt: Instant?
    public var acknowledgedBy: String?
    public var note: String?
    /// Findings it counted that were retracted since: the escalation stands, recorded as raised, for the manager to
    /// weigh.
    public var retracted: [Int64]
    /// Findings it counted that were amended since it was raised.
    public var amended: [Int64]

    public var isOpen: Bool { acknowledgedAt == nil }
}
