/// What a course leads to: a degree studied while working (đào tạo), or a short course (bồi dưỡng).
public enum TrainingKind: String, Sendable, Codable, CaseIterable {
    /// A master's or university degree (or any education level) studied while in post; completing it is a
    /// qualification.
    case degree
    /// A professional course of days or weeks: it counts as training, but awards no education level.
    case shortCourse = "short-course"
}

/// A course people are sent to: what it is, who gives it and when it runs.
public struct Course: Sendable, Codable, Hashable {
    /// The code records use: `2018-TS-LUAT`.
    public var code: String
    public var name: String
    public var kind: TrainingKind
    /// The education level a degree awards (`QualificationKind.education.levels`); nil for a short course.
    public var level: String?
    /// The subject: `Luật`, `Quản lý đất đai`.
    public var field: String
    /// Who gives it: a university, a school of politics.
    public var provider: String
    public var starts: CivilDate
    public var ends: CivilDate

    public init(
        code: String, name: String, kind: TrainingKind, level: String?, field: String, provider: String,
        starts: CivilDate, ends: CivilDate
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.level = level
        self.field = field
        self.provider = provider
        self.starts = starts
        self.ends = ends
    }

    /// Checks the code, that a degree names the education level it awards and a short course none, that the texts
    /// are not empty and that the course does not end before it starts; texts are trimmed.
    /// - Throws: `InspectError.invalidInput` saying which value is wrong and what it may be.
    public func validated() throws -> Course {
        var checked = self
        checked.code = code.trimmingSpaces
        guard Plan.isSafeName(checked.code) else {
            throw InspectError.invalidInput(
                "invalid course code \(TerminalText.quoted(checked.code)): \(Plan.safeNameRule)")
        }
        checked.level = level?.trimmingSpaces
        if checked.level?.isEmpty == true { checked.level = nil }
        let levels = QualificationKind.education.levels
        switch (kind, checked.level) {
        case (.degree, nil):
            throw InspectError.invalidInput(
                "a degree course needs the level it awards; use one of " + levels.joined(separator: ", "))
        case (.degree, let level?) where !levels.contains(level):
            throw InspectError.invalidInput(
                "unknown education level '\(level)'; use one of " + levels.joined(separator: ", "))
        case (.shortCourse, let level?):
            throw InspectError.invalidInput("a short course awards no education level, but '\(level)' was given")
        default: break
        }
        checked.name = name.trimmingSpaces
        checked.field = field.trimmingSpaces
        checked.provider = provider.trimmingSpaces
        for (what, value) in [("name", checked.name), ("field", checked.field), ("provider", checked.provider)]
        where value.isEmpty {
            throw InspectError.invalidInput("a course needs its \(what)")
        }
        guard starts <= ends else {
            throw InspectError.invalidInput("a course cannot end (\(ends)) before it starts (\(starts))")
        }
        return checked
    }

    /// The qualification a person who completed this degree on `date` holds, shown by `evidence`; nil for a short
    /// course.
    public func qualification(completedOn date: CivilDate, evidence: String) -> Qualification? {
        guard kind == .degree, let level else { return nil }
        return Qualification(kind: .education, level: level, field: field, date: date, evidence: evidence)
    }
}

/// One person's place on a course, and its completion when recorded: each kept as recorded, never edited.
public struct Attendance: Sendable, Codable, Hashable {
    public var course: String
    public var badge: String
    /// When the person completed the course, if recorded.
    public var completed: CivilDate?
    /// What shows the completion: the degree's or certificate's number and issuer.
    public var evidence: String?
    /// The Unix user who recorded the attendance, and when.
    public var recordedBy: String
    public var recordedAt: Instant

    public init(
        course: String, badge: String, completed: CivilDate?, evidence: String?, recordedBy: String,
        recordedAt: Instant
    ) {
        self.course = course
        self.badge = badge
        self.completed = completed
        self.evidence = evidence
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
