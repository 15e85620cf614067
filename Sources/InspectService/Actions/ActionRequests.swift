import InspectCore

/// A corrective action with the finding it corrects, as people see it.
public struct ActionView: Codable, Sendable, Hashable {
    public var action: CorrectiveAction
    /// The finding as it stands (its current row), or as it was last recorded when it has been retracted.
    public var violation: String
    public var staff: String?
    public var office: String
    /// Whether the finding was retracted since: the action then counts for nothing and is never reported overdue.
    public var findingRetracted: Bool
    /// Open past its due date.
    public var overdue: Bool
}

/// Filters for listing corrective actions; every one is optional.
public struct ActionFilter: Codable, Sendable, Hashable {
    public var status: ActionStatus?
    /// Only open actions past their due date.
    public var overdueOnly: Bool
    public var office: String?
    public var staff: String?

    public init(status: ActionStatus? = nil, overdueOnly: Bool = false, office: String? = nil, staff: String? = nil) {
        self.status = status
        self.overdueOnly = overdueOnly
        self.office = office
        self.staff = staff
    }
}
