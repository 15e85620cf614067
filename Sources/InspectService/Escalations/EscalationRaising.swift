import InspectCore
import InspectStore

extension InspectService {
    /// Raises, in the current transaction, the escalations that the findings being written call for, and reports
    /// each to the journal (a warning, an error for a referral).
    ///
    /// Called by every use case that writes findings (log, amend, import) inside its own transaction, so a finding
    /// and the escalations it raises are committed together or not at all; and by `evaluateEscalations`.
    /// - Parameter triggers: the findings being written, by the id of the row that first recorded each.
    /// - Returns: the escalations raised, in order.
    func raiseEscalations(
        _ db: StoreTransaction, log: inout EventLog, triggers: Set<Int64>, by user: String
    ) throws
        -> [EscalationRecord]
    {
        let rules = policy.configuration.escalation
        guard !rules.enabled.isEmpty, !triggers.isEmpty else { return [] }
        let written = try FindingRecord.escalationFindings(db, roots: triggers.sorted())
        guard let earliest = written.map(\.observedAt).min() else { return [] }
        var subjects = Set(written.map { EscalationSubject.office($0.office) })
        subjects.formUnion(written.compactMap { $0.staff.map(EscalationSubject.staff) })
        let calendar = policy.calendar
        let since = calendar.zone.startOfDay(
            rules.lookback(from: calendar.zone.local(earliest).date, calendar: calendar))
        let staff = subjects.filter { $0.kind == .staff }.map(\.code).sorted()
        let offices = subjects.filter { $0.kind == .office }.map(\.code).sorted()
        let findings = try FindingRecord.escalationFindings(db, since: since, staff: staff, offices: offices)
        let drafts = rules.evaluate(
            findings: findings, tally: try EscalationLedger.tally(db, subjects: subjects), triggers: triggers,
            calendar: calendar)
        let officeByFinding = Dictionary(findings.map { ($0.id, $0.office) }, uniquingKeysWith: { first, _ in first })
        var raised: [EscalationRecord] = []
        for draft in drafts {
            let record = try EscalationLedger.insert(db, draft, at: log.now, by: user)
            let rule = rules.rules.first { $0.name == draft.rule }
            try log.emit(
                escalationEvent(record, selection: rule?.selection, office: officeByFinding[draft.trigger]))
            raised.append(record)
        }
        return raised
    }

    func escalationEvent(_ record: EscalationRecord, selection: String?, office: String?) -> Event {
        let subject = record.subjectValue
        var fields = [
            "ESCALATION": String(record.id!), "RULE": record.rule, "LEVEL": record.level.rawValue,
            "SUBJECT": subject.code, "SUBJECT_KIND": subject.kind.rawValue, "COUNT": String(record.count),
            "THRESHOLD": String(record.threshold), "WINDOW": record.window.description,
            "WINDOW_START": record.firstDay.description, "WINDOW_END": record.lastDay.description,
            "FINDING": String(record.triggerId), "USER": record.raisedBy,
        ]
        switch subject.kind {
        case .staff:
            fields["STAFF"] = subject.code
            if let office { fields["OFFICE"] = office }
        case .office:
            fields["OFFICE"] = subject.code
        }
        let level = record.level.rawValue.prefix(1).uppercased() + record.level.rawValue.dropFirst()
        return Event(
            kind: .escalationRaised, priority: record.level.priority,
            message:
                "\(level) (\(record.level.nameVietnamese)) for \(subject): \(record.count) findings"
                + (selection.map { " of \($0)" } ?? "") + " within \(record.window) "
                + "(\(record.firstDay) – \(record.lastDay)), rule \(record.rule); escalation \(record.id!)",
            fields: fields)
    }
}
