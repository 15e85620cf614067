import InspectCore

/// Records that a person attends a course, and their completion when it is known already.
public struct AttendRequest: Codable, Sendable, Hashable {
    public var course: String
    public var badge: String
    /// When they completed it, if they have; a completed degree becomes a qualification.
    public var completed: CivilDate?
    /// The degree's or certificate's number and issuer; required with `completed`.
    public var evidence: String?

    public init(course: String, badge: String, completed: CivilDate?, evidence: String?) {
        self.course = course
        self.badge = badge
        self.completed = completed
        self.evidence = evidence
    }
}

/// Which attendances to list: of one course, of one person, or all.
public struct AttendanceFilter: Codable, Sendable, Hashable {
    public var course: String?
    public var badge: String?

    public init(course: String?, badge: String?) {
        self.course = course
        self.badge = badge
    }
}

/// The courses of a year, or all of them.
public struct CourseFilter: Codable, Sendable, Hashable {
    public var year: Int?

    public init(year: Int?) { self.year = year }
}

/// A year of the record, for the yearly reports.
public struct YearRequest: Codable, Sendable, Hashable {
    public var year: Int

    public init(year: Int) { self.year = year }

    /// The years reports cover: those whose dates the record can hold.
    static let range = 1970...2099

    /// - Throws: `.invalidInput` for a year outside ``range``.
    func checked() throws -> Int {
        guard Self.range.contains(year) else {
            throw InspectError.invalidInput(
                "year must be from \(Self.range.lowerBound) to \(Self.range.upperBound), not \(year)")
        }
        return year
    }
}
