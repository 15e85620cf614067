/// A competency test session (kỳ sát hạch): which titles are tested, whose civil servants sit it, and the working day
/// it is held on.
public struct TestSession: Sendable, Codable, Hashable {
    public var id: Int64
    public var name: String
    /// The codes of the titles tested (`titles.conf`).
    public var titles: [String]
    /// The codes of the offices whose holders of those titles sit the test.
    public var offices: [String]
    /// The working day it is held on.
    public var day: CivilDate
    public var plannedBy: String
    public var plannedAt: Instant

    public init(
        id: Int64, name: String, titles: [String], offices: [String], day: CivilDate, plannedBy: String,
        plannedAt: Instant
    ) {
        self.id = id
        self.name = name
        self.titles = titles
        self.offices = offices
        self.day = day
        self.plannedBy = plannedBy
        self.plannedAt = plannedAt
    }
}

/// One person's result in a session, as a link of the results' chain (`TestResultChain`). A correction is a new
/// result that `amends` the one it replaces, with its reason; nothing is edited or deleted.
public struct TestResult: Sendable, Codable, Hashable {
    public var id: Int64
    public var session: Int64
    public var badge: String
    /// The title and office the person held when tested: the report counts them there.
    public var title: String
    public var office: String
    public var score: Tenths
    /// The code of the band the score falls in, as the bands are now configured.
    public var band: String?
    /// The result this one corrects, and why.
    public var amends: Int64?
    public var reason: String?
    public var recordedBy: String
    public var recordedAt: Instant

    public init(
        id: Int64, session: Int64, badge: String, title: String, office: String, score: Tenths, band: String?,
        amends: Int64?, reason: String?, recordedBy: String, recordedAt: Instant
    ) {
        self.id = id
        self.session = session
        self.badge = badge
        self.title = title
        self.office = office
        self.score = score
        self.band = band
        self.amends = amends
        self.reason = reason
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
