import InspectCore

/// Adds a person to the registry.
public struct StaffAddRequest: Codable, Sendable, Hashable {
    public var badge: String
    public var name: String
    public var office: String
    public var title: String?
    public var category: StaffCategory
    /// Their Unix user name, if they have one (see `Staff.login`).
    public var login: String?

    public init(
        badge: String, name: String, office: String, title: String? = nil, category: StaffCategory,
        login: String? = nil
    ) {
        self.badge = badge
        self.name = name
        self.office = office
        self.title = title
        self.category = category
        self.login = login
    }
}

/// One period a person spent in one office.
public struct Assignment: Codable, Sendable, Hashable {
    public var office: String
    public var from: Instant
    public var until: Instant?
}

/// A person with their office history and how often they were recorded.
public struct StaffDetail: Codable, Sendable, Hashable {
    public var staff: Staff
    public var officeName: String
    public var history: [Assignment]
    /// Current (not amended away or retracted) findings about this person.
    public var findings: Int
}
