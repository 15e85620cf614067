/// One person's classification of one year as the record holds it: the latest proposal and, once the council has
/// decided, its latest decision, with how many earlier ones they supersede (those are kept, never overwritten).
public struct YearClassification: Codable, Sendable, Hashable {
    /// What the rules proposed: the level, the reasons and the facts they read, under rules whose hash is given.
    public struct Proposed: Codable, Sendable, Hashable {
        public var id: Int64
        public var level: ClassificationLevel
        public var reasons: [ClassificationReason]
        public var review: Bool
        public var facts: ClassificationFacts
        public var rulesHash: String
        public var proposedBy: String
        public var proposedAt: Instant

        public init(
            id: Int64, proposal: ClassificationProposal, facts: ClassificationFacts, rulesHash: String,
            proposedBy: String, proposedAt: Instant
        ) {
            self.id = id
            level = proposal.level
            reasons = proposal.reasons
            review = proposal.review
            self.facts = facts
            self.rulesHash = rulesHash
            self.proposedBy = proposedBy
            self.proposedAt = proposedAt
        }
    }

    /// What the council decided: who recorded it, when, the level and its note, and the proposal it decided on.
    public struct Decided: Codable, Sendable, Hashable {
        public var id: Int64
        public var proposal: Int64
        public var level: ClassificationLevel
        public var note: String
        public var decidedBy: String
        public var decidedAt: Instant

        public init(
            id: Int64, proposal: Int64, level: ClassificationLevel, note: String, decidedBy: String,
            decidedAt: Instant
        ) {
            self.id = id
            self.proposal = proposal
            self.level = level
            self.note = note
            self.decidedBy = decidedBy
            self.decidedAt = decidedAt
        }
    }

    public var year: Int
    public var badge: String
    public var name: String
    /// The person's office now.
    public var office: String
    public var proposal: Proposed
    public var decision: Decided?
    public var earlierProposals: Int
    public var earlierDecisions: Int

    public init(
        year: Int, badge: String, name: String, office: String, proposal: Proposed, decision: Decided?,
        earlierProposals: Int, earlierDecisions: Int
    ) {
        self.year = year
        self.badge = badge
        self.name = name
        self.office = office
        self.proposal = proposal
        self.decision = decision
        self.earlierProposals = earlierProposals
        self.earlierDecisions = earlierDecisions
    }
}
