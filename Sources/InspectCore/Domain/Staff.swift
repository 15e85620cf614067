/// The three statuses of people working in Vietnamese public offices; reports break results down by them.
public enum StaffCategory: String, Sendable, Codable, CaseIterable {
    /// Cán bộ: elected or appointed officials.
    case cadre
    /// Công chức: civil servants.
    case civilServant = "civil-servant"
    /// Viên chức: employees of public service units.
    case publicEmployee = "public-employee"
}

/// A person whose discipline may be checked, identified by their badge number.
public struct Staff: Hashable, Sendable, Codable {
    /// The number on the civil-servant ID badge; unique.
    public var badge: String
    public var name: String
    /// The code of the office the person works in now.
    public var office: String
    public var title: String?
    public var category: StaffCategory
    public var active: Bool

    public init(
        badge: String, name: String, office: String, title: String? = nil,
        category: StaffCategory = .civilServant, active: Bool = true
    ) {
        self.badge = badge
        self.name = name
        self.office = office
        self.title = title
        self.category = category
        self.active = active
    }
}
