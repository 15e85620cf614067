/// A year's classification as the leadership reads it: how many people the rules propose at each level and how many
/// the council decided at each, with shares (one decimal, adding up to 100% by the largest remainder), how many are
/// still undecided, how many decisions differ from their proposal, and how many the rules flag for review.
public struct ClassificationReport: Codable, Sendable, Hashable {
    /// One level's counts and shares: of the proposals among everyone proposed, of the decisions among everyone
    /// decided.
    public struct Row: Codable, Sendable, Hashable {
        public var level: ClassificationLevel
        public var proposed: Int
        public var proposedShare: Tenths?
        public var decided: Int
        public var decidedShare: Tenths?
    }

    public var year: Int
    public var people: Int
    public var levels: [Row]
    public var decided: Int
    public var undecided: Int
    /// Decisions at another level than the proposal they decided on.
    public var decidedOtherwise: Int
    public var review: Int

    /// Counts `classifications` (each a person's latest proposal and decision) of `year`.
    public init(year: Int, classifications: [YearClassification]) {
        self.year = year
        people = classifications.count
        let decisions = classifications.compactMap(\.decision)
        let proposed = ClassificationLevel.allCases.map { level in
            classifications.count(where: { $0.proposal.level == level })
        }
        let decidedCounts = ClassificationLevel.allCases.map { level in decisions.count(where: { $0.level == level }) }
        let (proposedShares, decidedShares) = (
            LargestRemainder.shares(proposed), LargestRemainder.shares(decidedCounts)
        )
        levels = ClassificationLevel.allCases.indices.map { index in
            Row(
                level: ClassificationLevel.allCases[index], proposed: proposed[index],
                proposedShare: proposedShares[index], decided: decidedCounts[index],
                decidedShare: decidedShares[index])
        }
        decided = decisions.count
        undecided = people - decided
        decidedOtherwise = classifications.count(where: {
            ($0.decision?.level ?? $0.proposal.level) != $0.proposal.level
        })
        review = classifications.count(where: \.proposal.review)
    }

    /// The report's sentence: "Năm 2026, 106 người được đề xuất xếp loại: … ; hội đồng đã quyết định 40 người".
    public func narrative(_ language: Language) -> String {
        let numbers = ReportNumbers(language)
        let parts = levels.map { row in
            (row.proposedShare.map(numbers.percent) ?? "-") + " " + row.level.name(in: language).lowercased()
        }
        switch language {
        case .vi:
            return "Năm \(year), đề xuất xếp loại chất lượng \(numbers.integer(people)) người: "
                + parts.joined(separator: ", ") + "; hội đồng đã quyết định \(numbers.integer(decided)) người, "
                + "\(numbers.integer(decidedOtherwise)) người khác với đề xuất; \(numbers.integer(review)) người "
                + "thuộc diện rà soát tinh giản biên chế."
        case .en:
            return "In \(year), \(numbers.integer(people)) people were proposed for classification: "
                + parts.joined(separator: ", ") + "; the council has decided on \(numbers.integer(decided)), "
                + "\(numbers.integer(decidedOtherwise)) of them otherwise than proposed; \(numbers.integer(review)) "
                + "are flagged for the streamlining review."
        }
    }
}
