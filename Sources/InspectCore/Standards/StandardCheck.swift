/// A person as the standards see them: who they are, whether and when they left, and their profile's history.
public struct StandardsSubject: Sendable, Hashable {
    public var badge: String
    public var name: String
    /// The office they work in now.
    public var office: String
    public var category: StaffCategory
    /// The day they were retired, in the configured time zone; nil while in service.
    public var retiredOn: CivilDate?
    /// Every change to their level, title and qualifications, in the order recorded.
    public var history: [ProfileChange]

    public init(
        badge: String, name: String, office: String, category: StaffCategory, retiredOn: CivilDate?,
        history: [ProfileChange]
    ) {
        self.badge = badge
        self.name = name
        self.office = office
        self.category = category
        self.retiredOn = retiredOn
        self.history = history
    }

    /// Whether they were in service on `date`: not yet retired then.
    public func inService(on date: CivilDate) -> Bool { retiredOn.map { $0 > date } ?? true }

    /// Their profile as it stood on `date`: the changes dated on or before it, in the order recorded, so that a
    /// later row supersedes an earlier one as it does in the profile itself (a correction recorded later wins).
    public func history(asOf date: CivilDate) -> [ProfileChange] { history.filter { $0.date <= date } }
}

/// How a person measures up to their standard on a date.
public enum StandardStatus: String, Sendable, Codable, CaseIterable {
    /// They hold every qualification their standard requires.
    case meets
    /// Some requirement is not met: `missing` says which.
    case fallsShort = "falls-short"
    /// Their level is known but no standard applies to their level, category and title.
    case noStandard = "no-standard"
    /// No level was recorded for them by then: whom to measure them against is unknown.
    case noLevel = "no-level"
}

/// One person's line of `standards check`.
public struct StandardCheck: Sendable, Codable, Hashable {
    public var badge: String
    public var name: String
    public var office: String
    public var category: StaffCategory
    /// Their level and title on the date; nil when none was recorded by then.
    public var level: StaffLevel?
    public var title: String?
    /// The name of the standard that applies; nil when none does.
    public var standard: String?
    public var status: StandardStatus
    /// The requirements not met, in the standard's order.
    public var missing: [Requirement]

    /// Measures `subject` on `date` against the one of `standards` that applies to them.
    public init(_ subject: StandardsSubject, asOf date: CivilDate, standards: Standards) {
        let history = subject.history(asOf: date)
        badge = subject.badge
        name = subject.name
        office = subject.office
        category = subject.category
        level = ProfileChange.currentLevel(history)
        title = ProfileChange.currentTitle(history)
        missing = []
        guard let level else {
            status = .noLevel
            return
        }
        guard let applying = standards.standard(level: level, category: category, title: title) else {
            status = .noStandard
            return
        }
        standard = applying.name
        let held = ProfileChange.currentQualifications(history)
        missing = applying.requirements.filter { !$0.isMet(by: held) }
        status = missing.isEmpty ? .meets : .fallsShort
    }
}
