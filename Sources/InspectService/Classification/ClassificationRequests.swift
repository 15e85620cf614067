import InspectCore

/// Which classifications to list: a year's, one person's of it.
public struct ClassificationFilter: Codable, Sendable, Hashable {
    public var year: Int
    public var badge: String?

    public init(year: Int, badge: String?) {
        self.year = year
        self.badge = badge
    }
}

/// The council's decision on a person's year: the level and a note (the minutes, why it differs from the proposal).
public struct ClassificationDecisionRequest: Codable, Sendable, Hashable {
    public var badge: String
    public var year: Int
    public var level: ClassificationLevel
    public var note: String

    public init(badge: String, year: Int, level: ClassificationLevel, note: String) {
        self.badge = badge
        self.year = year
        self.level = level
        self.note = note
    }
}

/// What a proposing run did: how many new proposals it added (a person's first, or one whose rules or facts
/// changed) and how many people's latest proposal already said the same.
public struct ClassificationRun: Codable, Sendable, Hashable {
    public var year: Int
    public var proposed: Int
    public var unchanged: Int
    /// The hash of the rules the run applied (`ClassificationRules.hash`).
    public var rulesHash: String
}

/// Those the rules flag for the streamlining review in a year, with their proposals and any decision: a list for
/// the council to decide on, which its ``notice`` says wherever it is read.
public struct ReviewList: Codable, Sendable, Hashable {
    public var year: Int
    public var notice: String
    public var noticeVi: String
    public var people: [YearClassification]

    public static let notice = """
        A list for the council to decide on, not a decision: the rules flag these people for the streamlining \
        review (Decree 29/2023/NĐ-CP); each case is weighed by people.
        """
    public static let noticeVi = """
        Danh sách để hội đồng xem xét, quyết định, không phải là quyết định: theo các quy tắc đã cấu hình, những \
        người này thuộc diện rà soát tinh giản biên chế (Nghị định 29/2023/NĐ-CP); từng trường hợp do con người xem \
        xét.
        """

    init(year: Int, people: [YearClassification]) {
        self.year = year
        notice = Self.notice
        noticeVi = Self.noticeVi
        self.people = people
    }
}
