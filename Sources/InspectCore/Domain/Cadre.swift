/// The tier of government a person serves at: cấp tỉnh, cấp huyện, cấp xã.
///
/// The district tier was abolished on 2025-07-01 (two-tier local government), but the records inspectd keeps reach
/// back before that, so `district` stays a level a person may have had.
public enum StaffLevel: String, Sendable, Codable, CaseIterable {
    case province
    case district
    case commune
}

/// What a qualification certifies, each with the levels it comes in.
public enum QualificationKind: String, Sendable, Codable, CaseIterable {
    /// Trình độ chuyên môn: the highest schooling, with its field (`law`, `land administration`, …).
    case education
    /// Lý luận chính trị: sơ cấp, trung cấp, cao cấp, cử nhân.
    case politicalTheory = "political-theory"
    /// Quản lý nhà nước: the programmes for chuyên viên, chuyên viên chính, chuyên viên cao cấp.
    case stateManagement = "state-management"
    /// Tin học: the basic or advanced IT skills standard (Thông tư 03/2014/TT-BTTTT).
    case informationTechnology = "it"
    /// Ngoại ngữ or tiếng dân tộc: a foreign language on the six-level framework (Thông tư 01/2014/TT-BGDĐT) or an
    /// ethnic minority language's certificate, with the language as its field.
    case language

    /// The levels the kind comes in, lowest first.
    public var levels: [String] {
        switch self {
        case .education: ["secondary", "intermediate", "college", "bachelor", "master", "doctor"]
        case .politicalTheory: ["elementary", "intermediate", "advanced", "bachelor"]
        case .stateManagement: ["specialist", "principal", "senior"]
        case .informationTechnology: ["basic", "advanced"]
        case .language: ["A1", "A2", "B1", "B2", "C1", "C2", "certificate"]
        }
    }

    /// Whether a qualification of this kind names its field: an education's subject, a language's name.
    public var needsField: Bool { self == .education || self == .language }
}

/// A qualification as it is recorded: what it certifies, at which level, in which field, since when, shown by what.
public struct Qualification: Sendable, Codable, Hashable {
    public var kind: QualificationKind
    public var level: String
    /// The subject of an education, the language of a language qualification; nil for the other kinds.
    public var field: String?
    /// When it was awarded.
    public var date: CivilDate
    /// What shows it: the number of the degree or certificate and who issued it.
    public var evidence: String

    public init(kind: QualificationKind, level: String, field: String?, date: CivilDate, evidence: String) {
        self.kind = kind
        self.level = level
        self.field = field
        self.date = date
        self.evidence = evidence
    }

    /// Checks the level against the kind's, that a field is given exactly when the kind has one, that the evidence
    /// is not empty and that the date is not after `today`; texts are trimmed.
    /// - Throws: `InspectError.invalidInput` saying which value is wrong and what it may be.
    public func validated(today: CivilDate) throws -> Qualification {
        var checked = self
        checked.level = level.trimmingSpaces
        guard kind.levels.contains(checked.level) else {
            throw InspectError.invalidInput(
                "unknown \(kind.rawValue) level '\(checked.level)'; use one of "
                    + kind.levels.joined(separator: ", "))
        }
        checked.field = field?.trimmingSpaces
        if checked.field?.isEmpty == true { checked.field = nil }
        if kind.needsField, checked.field == nil {
            throw InspectError.invalidInput(
                "a \(kind.rawValue) qualification needs its field (\(kind == .language ? "the language" : "the subject"))"
            )
        }
        if !kind.needsField, let field = checked.field {
            throw InspectError.invalidInput("a \(kind.rawValue) qualification has no field, but '\(field)' was given")
        }
        checked.evidence = evidence.trimmingSpaces
        guard !checked.evidence.isEmpty else {
            throw InspectError.invalidInput("a qualification needs its evidence (the degree or certificate)")
        }
        guard date <= today else {
            throw InspectError.invalidInput("a qualification's date (\(date)) cannot be after today (\(today))")
        }
        return checked
    }
}

/// One change to a person's level, title or qualifications, as kept: changes are appended, never edited, and a
/// person's current values are the latest ones.
public struct ProfileChange: Sendable, Codable, Hashable {
    /// What changed: `level`, `title`, or a qualification kind's name.
    public var aspect: String
    /// The new level, the new title's code, or the qualification's level.
    public var value: String
    /// The qualification's field, when its kind has one.
    public var field: String?
    /// When the change took effect, or the qualification was awarded.
    public var date: CivilDate
    public var evidence: String?
    public var reason: String?
    /// The Unix user who recorded the change, and when.
    public var recordedBy: String
    public var recordedAt: Instant

    public init(
        aspect: String, value: String, field: String?, date: CivilDate, evidence: String?, reason: String?,
        recordedBy: String, recordedAt: Instant
    ) {
        self.aspect = aspect
        self.value = value
        self.field = field
        self.date = date
        self.evidence = evidence
        self.reason = reason
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// The aspect a level change is kept under.
    public static let level = "level"
    /// The aspect a title change is kept under.
    public static let title = "title"
}

extension ProfileChange {
    /// The qualification this change recorded; nil for a level or title change.
    public var qualification: Qualification? {
        guard let kind = QualificationKind(rawValue: aspect) else { return nil }
        return Qualification(kind: kind, level: value, field: field, date: date, evidence: evidence ?? "")
    }

    /// A person's current level in `history` (oldest first): the latest recorded; nil before any.
    public static func currentLevel(_ history: [ProfileChange]) -> StaffLevel? {
        history.last { $0.aspect == level }.flatMap { StaffLevel(rawValue: $0.value) }
    }

    /// The code of a person's current title in `history` (oldest first): the latest recorded; nil before any.
    public static func currentTitle(_ history: [ProfileChange]) -> String? {
        history.last { $0.aspect == title }?.value
    }

    /// A person's current qualifications in `history` (oldest first): the latest of each kind, and of each language
    /// for languages (one may speak several), in the order of `QualificationKind`.
    public static func currentQualifications(_ history: [ProfileChange]) -> [Qualification] {
        var latest: [String: Qualification] = [:]
        for qualification in history.compactMap(\.qualification) {
            let key =
                qualification.kind.rawValue + (qualification.kind == .language ? ":" + (qualification.field ?? "") : "")
            latest[key] = qualification
        }
        return latest.values.sorted { lhs, rhs in
            let order = QualificationKind.allCases
            let (left, right) = (order.firstIndex(of: lhs.kind)!, order.firstIndex(of: rhs.kind)!)
            return left != right ? left < right : (lhs.field ?? "") < (rhs.field ?? "")
        }
    }
}
