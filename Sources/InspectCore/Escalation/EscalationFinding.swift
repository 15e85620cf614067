/// A finding as it stands, as escalation rules count it.
///
/// The service passes only current findings: a retracted finding is absent, and an amended one appears once, with
/// its amended type, severity and person, under the id of the row that first recorded it, so that a finding keeps
/// one identity through its corrections.
public struct EscalationFinding: Hashable, Sendable, Codable {
    /// The id of the row that first recorded the finding (amendments keep it).
    public var id: Int64
    public var violation: String
    public var severity: Severity
    /// The badge of the person concerned; nil for a finding about the office.
    public var staff: String?
    /// The office where it was made: the inspected office, whatever office the person works in later.
    public var office: String
    public var observedAt: Instant

    public init(
        id: Int64, violation: String, severity: Severity, staff: String?, office: String, observedAt: Instant
    ) {
        self.id = id
        self.violation = violation
        self.severity = severity
        self.staff = staff
        self.office = office
        self.observedAt = observedAt
    }

    /// Findings in the order they happened: by observation time, then by id.
    static func inOrder(_ lhs: EscalationFinding, _ rhs: EscalationFinding) -> Bool {
        (lhs.observedAt, lhs.id) < (rhs.observedAt, rhs.id)
    }
}

/// An escalation to raise: which rule, about whom, over which window, on which findings.
public struct EscalationDraft: Hashable, Sendable, Codable {
    public var rule: String
    public var level: EscalationLevel
    public var subject: EscalationSubject
    /// The rule's count, N.
    public var threshold: Int
    public var window: EscalationWindow
    /// The window's first and last local dates; the last is the day of the last finding counted.
    public var firstDay: CivilDate
    public var lastDay: CivilDate
    /// The findings counted (at least `threshold`), in the order they happened; never counted again by this rule
    /// for this subject.
    public var findings: [Int64]
    /// The most recent of the findings being written that the escalation counts: the one that raised it.
    public var trigger: Int64

    public init(
        rule: String, level: EscalationLevel, subject: EscalationSubject, threshold: Int, window: EscalationWindow,
        firstDay: CivilDate, lastDay: CivilDate, findings: [Int64], trigger: Int64
    ) {
        self.rule = rule
        self.level = level
        self.subject = subject
        self.threshold = threshold
        self.window = window
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.findings = findings
        self.trigger = trigger
    }

    /// The first finding counted: with the rule and the subject, the escalation's key (see `EscalationRules`).
    public var anchor: Int64 { findings[0] }

    /// How many findings it counts.
    public var count: Int { findings.count }
}

/// The findings each rule has already counted for each subject, from the escalations on the record.
///
/// - Important: A finding counts towards at most one escalation per rule and subject. This is what makes raising
///   idempotent: evaluating again, after a retry or a crash, finds the same findings already counted and raises
///   nothing twice.
public struct EscalationTally: Hashable, Sendable {
    /// A rule and a subject.
    public struct Key: Hashable, Sendable, Comparable {
        public var rule: String
        public var subject: EscalationSubject

        public init(rule: String, subject: EscalationSubject) {
            self.rule = rule
            self.subject = subject
        }

        public static func < (lhs: Key, rhs: Key) -> Bool { (lhs.rule, lhs.subject) < (rhs.rule, rhs.subject) }
    }

    public private(set) var counted: [Key: Set<Int64>] = [:]

    public init() {}

    /// Notes that `rule` counted `finding` for `subject` in an escalation on the record.
    public mutating func add(rule: String, subject: EscalationSubject, finding: Int64) {
        counted[Key(rule: rule, subject: subject), default: []].insert(finding)
    }

    /// Notes the findings of `draft` as counted.
    public mutating func add(_ draft: EscalationDraft) {
        counted[Key(rule: draft.rule, subject: draft.subject), default: []].formUnion(draft.findings)
    }

    public func findings(rule: String, subject: EscalationSubject) -> Set<Int64> {
        counted[Key(rule: rule, subject: subject)] ?? []
    }
}
