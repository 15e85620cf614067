import InspectCore

/// Plans a competency test session.
public struct TestSessionRequest: Codable, Sendable, Hashable {
    public var name: String
    /// The codes of the titles tested (`titles.conf`).
    public var titles: [String]
    /// The codes of the offices whose holders of those titles sit it.
    public var offices: [String]
    /// The working day it is held on.
    public var day: CivilDate

    public init(name: String, titles: [String], offices: [String], day: CivilDate) {
        self.name = name
        self.titles = titles
        self.offices = offices
        self.day = day
    }
}

/// Records one person's result in a session.
public struct TestResultRequest: Codable, Sendable, Hashable {
    public var session: Int64
    public var badge: String
    public var score: Tenths
    /// The title tested; the person's recorded title (`staff title`) when nil.
    public var title: String?

    public init(session: Int64, badge: String, score: Tenths, title: String?) {
        self.session = session
        self.badge = badge
        self.score = score
        self.title = title
    }
}

/// Corrects a result: the new score and why.
public struct TestAmendRequest: Codable, Sendable, Hashable {
    public var result: Int64
    public var score: Tenths
    public var reason: String

    public init(result: Int64, score: Tenths, reason: String) {
        self.result = result
        self.score = score
        self.reason = reason
    }
}

/// Results of a session's CSV file (`badge,score[,title]`).
public struct TestImportRequest: Codable, Sendable, Hashable {
    public var session: Int64
    public var csv: String
    public var path: String

    public init(session: Int64, csv: String, path: String) {
        self.session = session
        self.csv = csv
        self.path = path
    }
}

/// Which results to list or report on: a session's, a year's sessions', a person's.
public struct TestResultFilter: Codable, Sendable, Hashable {
    public var session: Int64?
    public var year: Int?
    public var badge: String?

    public init(session: Int64?, year: Int?, badge: String?) {
        self.session = session
        self.year = year
        self.badge = badge
    }
}
