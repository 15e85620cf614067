/// What the people of one level, category or title must hold, as one `[Standard NAME]` section of `standards.conf`
/// says, with the legal text it comes from.
public struct Standard: Sendable, Codable, Hashable {
    /// The section's name: `commune-civil-servant`.
    public var name: String
    /// Whom it applies to: each that is set must match the person; nil matches anyone.
    public var level: StaffLevel?
    public var category: StaffCategory?
    /// A title's code (`tu-phap-ho-tich`).
    public var title: String?
    public var requirements: [Requirement]
    /// The legal basis, as the file cites it.
    public var basis: String

    public init(
        name: String, level: StaffLevel?, category: StaffCategory?, title: String?, requirements: [Requirement],
        basis: String
    ) {
        self.name = name
        self.level = level
        self.category = category
        self.title = title
        self.requirements = requirements
        self.basis = basis
    }

    /// Whether it applies to a person of this level, category and title.
    public func applies(level: StaffLevel, category: StaffCategory, title: String?) -> Bool {
        (self.level == nil || self.level == level) && (self.category == nil || self.category == category)
            && (self.title == nil || self.title == title)
    }

    /// How narrowly it is drawn: a title outweighs a level and a category together, a level outweighs a category.
    /// Two standards drawn on the same keys with the same values are refused, so of those that apply to a person
    /// exactly one is the most specific.
    public var specificity: Int { (title == nil ? 0 : 4) + (level == nil ? 0 : 2) + (category == nil ? 0 : 1) }
}
