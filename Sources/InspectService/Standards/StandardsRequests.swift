import InspectCore

/// Asks who meets their standard on a date.
public struct StandardsCheckRequest: Codable, Sendable, Hashable {
    /// The day to measure on; today (in the configured time zone) when nil.
    public var asOf: CivilDate?
    /// Only the people who work in this office now.
    public var office: String?
    /// The `next` of the page before (``Page``).
    public var after: String?

    public init(asOf: CivilDate?, office: String?, after: String? = nil) {
        self.asOf = asOf
        self.office = office
        self.after = after
    }
}

/// A page of `standards check`: each person's line, and the day they were measured on.
public struct StandardsCheckPage: Codable, Sendable, Hashable {
    public var asOf: CivilDate
    public var people: [StandardCheck]
    /// Where the next page begins, when there is one (``Page``).
    public var next: String?
}

/// Asks for the shares meeting their standard at the end of `year`, against `compare`.
public struct StandardsReportRequest: Codable, Sendable, Hashable {
    public var year: Int
    public var compare: Int?

    public init(year: Int, compare: Int?) {
        self.year = year
        self.compare = compare
    }
}
