import InspectCore

/// A person fully described: their level, title and current qualifications, and every change that led there.
public struct StaffProfile: Codable, Sendable, Hashable {
    public var badge: String
    public var name: String
    /// The latest level recorded; nil before any.
    public var level: StaffLevel?
    /// The code of the latest title recorded; nil before any.
    public var title: String?
    /// The title's name as `titles.conf` gives it now; nil when the title was withdrawn since.
    public var titleName: String?
    /// The latest qualification of each kind (of each language for languages).
    public var qualifications: [Qualification]
    /// Every change, oldest first: nothing is edited or removed, a later change supersedes an earlier one.
    public var history: [ProfileChange]
}

/// Sets a person's level or title, with the date it took effect and why.
public struct ProfileSetRequest: Codable, Sendable, Hashable {
    public var badge: String
    /// The level (`province`, `district`, `commune`) or the title's code.
    public var value: String
    /// When it took effect; today (in the configured time zone) when nil.
    public var date: CivilDate?
    public var reason: String
    /// The decision or document behind it, if any.
    public var evidence: String?

    public init(badge: String, value: String, date: CivilDate?, reason: String, evidence: String?) {
        self.badge = badge
        self.value = value
        self.date = date
        self.reason = reason
        self.evidence = evidence
    }
}

/// Records one qualification of a person.
public struct QualifyRequest: Codable, Sendable, Hashable {
    public var badge: String
    public var qualification: Qualification
    /// Why it is recorded now, if worth saying (a correction of an earlier row, a late report).
    public var reason: String?

    public init(badge: String, qualification: Qualification, reason: String?) {
        self.badge = badge
        self.qualification = qualification
        self.reason = reason
    }
}
