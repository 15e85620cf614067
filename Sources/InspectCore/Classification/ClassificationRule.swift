/// One rule of `classification.conf`: a condition on a person's year and the best level it allows, with the reason
/// people read.
///
/// Every condition the rule gives must hold for it to apply. A count condition holds from its threshold up, so
/// more of what counts against a person never makes a rule stop applying.
public struct ClassificationRule: Codable, Sendable, Hashable {
    /// The section's name: `[Rule NAME]`.
    public var name: String
    /// The least number of findings, escalations, referrals and undone actions that make the rule apply.
    public var findings: Int?
    public var escalations: Int?
    public var referrals: Int?
    public var undoneActions: Int?
    /// The bands of the year's latest test result that make the rule apply; ``noTest`` stands for no result.
    public var bands: [String]?
    /// The best level a person the rule applies to may be proposed.
    public var allows: ClassificationLevel
    public var reason: String
    public var reasonVi: String
    /// Whether the rule puts the person on the list for the streamlining review (Decree 29/2023/NĐ-CP).
    public var review: Bool

    /// How `Bands=` names a year without a test result.
    public static let noTest = "none"

    public init(
        name: String, findings: Int? = nil, escalations: Int? = nil, referrals: Int? = nil,
        undoneActions: Int? = nil, bands: [String]? = nil, allows: ClassificationLevel, reason: String,
        reasonVi: String, review: Bool = false
    ) {
        self.name = name
        self.findings = findings
        self.escalations = escalations
        self.referrals = referrals
        self.undoneActions = undoneActions
        self.bands = bands
        self.allows = allows
        self.reason = reason
        self.reasonVi = reasonVi
        self.review = review
    }

    /// Whether every condition of the rule holds for `facts`.
    public func applies(to facts: ClassificationFacts) -> Bool {
        let counts: [(Int?, Int)] = [
            (findings, facts.findings), (escalations, facts.escalations), (referrals, facts.referrals),
            (undoneActions, facts.undoneActions),
        ]
        guard counts.allSatisfy({ threshold, count in threshold.map { count >= $0 } ?? true }) else { return false }
        guard let bands else { return true }
        return bands.contains(facts.band ?? Self.noTest)
    }
}

/// Why a proposal is below the default, or why it puts a person on the review list: a rule that applied.
public struct ClassificationReason: Codable, Sendable, Hashable {
    public var rule: String
    public var allows: ClassificationLevel
    public var reason: String
    public var reasonVi: String
    public var review: Bool

    public init(_ rule: ClassificationRule) {
        self.rule = rule.name
        allows = rule.allows
        reason = rule.reason
        reasonVi = rule.reasonVi
        review = rule.review
    }

    public func text(in language: Language) -> String { language == .vi ? reasonVi : reason }
}

/// What the rules propose for a person's year: a proposal for the council, which decides.
public struct ClassificationProposal: Codable, Sendable, Hashable {
    public var level: ClassificationLevel
    /// The rules that applied, the one setting the level first.
    public var reasons: [ClassificationReason]
    /// Whether a rule that applied flags the person for the streamlining review.
    public var review: Bool

    public init(level: ClassificationLevel, reasons: [ClassificationReason], review: Bool) {
        self.level = level
        self.reasons = reasons
        self.review = review
    }
}
