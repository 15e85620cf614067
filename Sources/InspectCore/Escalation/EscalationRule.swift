/// One escalation rule: "N or more matching findings about one subject within a window → level".
///
/// Rules are read from `/etc/inspectd/escalation.conf` (see `EscalationRules`), one `[Rule NAME]` section each.
public struct EscalationRule: Hashable, Sendable, Codable {
    /// The section's name, `late-reminder` in `[Rule late-reminder]`; escalations refer to their rule by it.
    public var name: String
    public var summary: String?
    /// The violation type codes the rule counts; empty for every type (then `minSeverity` selects).
    public var violations: [String]
    /// The least severity the rule counts; nil for any (then `violations` selects).
    public var minSeverity: Severity?
    public var subject: EscalationSubjectKind
    /// How many matching findings within the window raise the escalation: at least 1.
    public var threshold: Int
    public var window: EscalationWindow
    public var level: EscalationLevel
    /// A rule switched off (`Enabled=no`, typically in a drop-in) is kept for listings but counts nothing.
    public var enabled: Bool

    public init(
        name: String, summary: String? = nil, violations: [String] = [], minSeverity: Severity? = nil,
        subject: EscalationSubjectKind = .staff, threshold: Int, window: EscalationWindow, level: EscalationLevel,
        enabled: Bool = true
    ) {
        self.name = name
        self.summary = summary
        self.violations = violations
        self.minSeverity = minSeverity
        self.subject = subject
        self.threshold = threshold
        self.window = window
        self.level = level
        self.enabled = enabled
    }

    /// Whether the rule counts `finding`: its type is among `violations` (when given) and its severity is at least
    /// `minSeverity` (when given). A staff rule counts only findings about a person.
    public func matches(_ finding: EscalationFinding) -> Bool {
        if subject == .staff && finding.staff == nil { return false }
        if !violations.isEmpty && !violations.contains(finding.violation) { return false }
        if let minSeverity, finding.severity < minSeverity { return false }
        return true
    }

    /// The subject `finding` counts against under this rule: its person or the office where it was made.
    public func subject(of finding: EscalationFinding) -> EscalationSubject? {
        switch subject {
        case .staff: finding.staff.map(EscalationSubject.staff)
        case .office: .office(finding.office)
        }
    }

    /// What the rule selects, for listings and messages: `LATE, EARLY`, `severity ≥ serious`, or both.
    public var selection: String {
        var parts: [String] = []
        if !violations.isEmpty { parts.append(violations.joined(separator: ", ")) }
        if let minSeverity { parts.append("severity ≥ \(minSeverity.rawValue)") }
        return parts.isEmpty ? "any violation" : parts.joined(separator: " with ")
    }

    /// `staff: LATE ≥ 3 in 30 days → reminder`.
    public var sentence: String {
        "\(subject.rawValue): \(selection) ≥ \(threshold) in \(window) → \(level.rawValue)"
    }
}
