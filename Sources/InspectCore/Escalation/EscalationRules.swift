/// The escalation rules of `/etc/inspectd/escalation.conf`, and their evaluation over the findings on the record.
///
/// **What raises an escalation.** For a rule and a subject (a person or an office), an escalation is raised when the
/// findings being written bring the number of matching findings in one window (see `EscalationWindow`) to the
/// rule's count or more, counting only findings that no earlier escalation of the same rule and subject counted.
/// The escalation counts all of them, and they are never counted again by that rule for that subject: a person late
/// on days 1, 5 and 10 gets one reminder; late again on day 12 they get none (only one new finding), and a new
/// reminder needs three more.
///
/// **Key.** The escalation's key is (rule, subject, first finding counted). Since a finding is counted once per rule
/// and subject, no two escalations share a key; the database enforces both (see the `escalation_finding` table).
/// Evaluating again — a retried command, a re-evaluation after a crash, an amendment of a finding already counted —
/// therefore raises nothing twice, and the same window never raises the same level twice.
///
/// **Which findings count.** Only findings as they stand: retracted ones do not count, amended ones count as
/// amended (another type, another person), under the identity of the finding they amend. A person's findings count
/// for them wherever they were made, before and after a move; an office's are those made in its inspections (about
/// the office, or about whoever worked there then), so a person who moves away takes their record along and the
/// office keeps its own.
///
/// **Only new findings raise.** An escalation must count at least one of the findings being written (`triggers`),
/// so a rule added today does not raise escalations over last year's record until a new finding comes.
///
/// ```swift
/// let drafts = rules.evaluate(findings: current, tally: tally, triggers: [newID], calendar: calendar)
/// ```
public struct EscalationRules: Hashable, Sendable {
    /// Every rule, enabled or not, sorted by name.
    public let rules: [EscalationRule]

    public init(rules: [EscalationRule]) {
        self.rules = rules.sorted { $0.name < $1.name }
    }

    /// No rule at all: what applies without an `escalation.conf`.
    public static let none = EscalationRules(rules: [])

    /// The rules that count.
    public var enabled: [EscalationRule] { rules.filter(\.enabled) }

    /// The first date any enabled rule can look back to from `date`: findings before it cannot matter to a window
    /// ending on `date` or later.
    public func lookback(from date: CivilDate, calendar: WorkCalendar) -> CivilDate {
        enabled.map { $0.window.firstDay(endingOn: date, calendar: calendar) }.min() ?? date
    }

    /// The escalations the findings being written raise.
    /// - Parameters:
    ///   - findings: the current findings of the subjects concerned (any order; others are ignored by subject).
    ///   - tally: the findings escalations on the record already counted, by rule and subject.
    ///   - triggers: the ids of the findings being written; nil to let any finding raise (a full re-evaluation).
    ///   - calendar: for working-day windows and local dates.
    /// - Returns: the drafts, in the order their last finding happened, then by rule and subject.
    public func evaluate(
        findings: [EscalationFinding], tally: EscalationTally, triggers: Set<Int64>?, calendar: WorkCalendar
    ) -> [EscalationDraft] {
        let ordered = findings.sorted(by: EscalationFinding.inOrder)
        let position = Dictionary(ordered.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var dates: [Int64: CivilDate] = [:]
        for finding in ordered { dates[finding.id] = calendar.zone.local(finding.observedAt).date }
        var drafts: [EscalationDraft] = []
        for rule in enabled {
            var bySubject: [EscalationSubject: [EscalationFinding]] = [:]
            for finding in ordered where rule.matches(finding) {
                if let subject = rule.subject(of: finding) { bySubject[subject, default: []].append(finding) }
            }
            for subject in bySubject.keys.sorted() {
                let list = bySubject[subject]!
                if let triggers, !list.contains(where: { triggers.contains($0.id) }) { continue }
                drafts += Self.evaluate(
                    rule: rule, subject: subject, list: list, dates: dates,
                    counted: tally.findings(rule: rule.name, subject: subject), triggers: triggers, calendar: calendar)
            }
        }
        return drafts.sorted { lhs, rhs in
            let (left, right) = (position[lhs.findings.last!] ?? 0, position[rhs.findings.last!] ?? 0)
            return (left, lhs.rule, lhs.subject) < (right, rhs.rule, rhs.subject)
        }
    }

    /// Walks one subject's matching findings in order, each as the end of a window, and raises where the window's
    /// uncounted findings reach the count and include one being written.
    private static func evaluate(
        rule: EscalationRule, subject: EscalationSubject, list: [EscalationFinding], dates: [Int64: CivilDate],
        counted: Set<Int64>, triggers: Set<Int64>?, calendar: WorkCalendar
    ) -> [EscalationDraft] {
        var counted = counted
        var drafts: [EscalationDraft] = []
        var firstDays: [CivilDate: CivilDate] = [:]
        var lower = 0
        for (end, last) in list.enumerated() {
            let lastDay = dates[last.id]!
            let firstDay =
                firstDays[lastDay]
                ?? {
                    let day = rule.window.firstDay(endingOn: lastDay, calendar: calendar)
                    firstDays[lastDay] = day
                    return day
                }()
            // Window starts never move back as the end moves on, so neither does the first finding inside.
            while dates[list[lower].id]! < firstDay { lower += 1 }
            let window = list[lower...end].filter { !counted.contains($0.id) }
            let raising = window.filter { triggers?.contains($0.id) ?? true }
            guard window.count >= rule.threshold, let trigger = raising.last else { continue }
            let ids = window.map(\.id)
            drafts.append(
                EscalationDraft(
                    rule: rule.name, level: rule.level, subject: subject, threshold: rule.threshold,
                    window: rule.window, firstDay: firstDay, lastDay: lastDay, findings: ids, trigger: trigger.id))
            counted.formUnion(ids)
        }
        return drafts
    }
}
