import GRDB
import InspectCore

/// A row of `escalation`: one rule's escalation about one subject. Only its acknowledgement is ever written after
/// it is raised (a trigger refuses anything else).
public struct EscalationRecord: Codable, Sendable, Hashable {
    public var id: Int64?
    public var rule: String
    public var level: EscalationLevel
    public var subjectKind: EscalationSubjectKind
    public var subject: String
    public var threshold: Int
    public var windowSize: Int
    /// `days` or `working-days`.
    public var windowUnit: String
    public var firstDay: CivilDate
    public var lastDay: CivilDate
    public var count: Int
    public var anchorId: Int64
    public var triggerId: Int64
    public var raisedAt: Instant
    public var raisedBy: String
    public var acknowledgedAt: Instant?
    public var acknowledgedBy: String?
    public var note: String?

    /// The row for `draft`, raised at `now` by `user`.
    public init(draft: EscalationDraft, raisedAt now: Instant, by user: String) {
        rule = draft.rule
        level = draft.level
        subjectKind = draft.subject.kind
        subject = draft.subject.code
        threshold = draft.threshold
        switch draft.window {
        case .days(let days):
            (windowSize, windowUnit) = (days, "days")
        case .workingDays(let days):
            (windowSize, windowUnit) = (days, "working-days")
        }
        firstDay = draft.firstDay
        lastDay = draft.lastDay
        count = draft.count
        anchorId = draft.anchor
        triggerId = draft.trigger
        raisedAt = now
        raisedBy = user
    }

    public var window: EscalationWindow {
        windowUnit == "working-days" ? .workingDays(windowSize) : .days(windowSize)
    }

    public var subjectValue: EscalationSubject { EscalationSubject(kind: subjectKind, code: subject) }
}

extension EscalationRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "escalation"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// - Throws: `InspectError.notFound` naming the id.
    public static func require(_ transaction: StoreTransaction, id: Int64) throws -> EscalationRecord {
        guard let record = try fetchOne(transaction.db, key: id) else {
            throw InspectError.notFound(kind: "escalation", key: String(id))
        }
        return record
    }
}

/// The findings escalations counted, by rule and subject: what makes raising idempotent.
public enum EscalationLedger {
    /// Stores `draft` and the findings it counts, in the current transaction.
    /// - Throws: a constraint error when a finding was already counted by the same rule for the same subject, or
    ///   the key exists: never two escalations for one window.
    public static func insert(
        _ transaction: StoreTransaction, _ draft: EscalationDraft, at now: Instant, by user: String
    ) throws
        -> EscalationRecord
    {
        var record = EscalationRecord(draft: draft, raisedAt: now, by: user)
        try record.insert(transaction.db)
        let statement = try transaction.db.cachedStatement(
            sql: """
                INSERT INTO escalation_finding (escalation_id, rule, subject_kind, subject, finding_id)
                VALUES (?, ?, ?, ?, ?)
                """)
        for finding in draft.findings {
            try statement.execute(arguments: [
                record.id, draft.rule, draft.subject.kind.rawValue, draft.subject.code, finding,
            ])
        }
        return record
    }

    /// The findings already counted for these subjects, by rule and subject.
    public static func tally(
        _ transaction: StoreTransaction, subjects: Set<EscalationSubject>
    ) throws -> EscalationTally {
        var tally = EscalationTally()
        for kind in EscalationSubjectKind.allCases {
            let codes = subjects.filter { $0.kind == kind }.map(\.code).sorted()
            guard !codes.isEmpty else { continue }
            let rows = try Row.fetchCursor(
                transaction.db,
                sql: """
                    SELECT rule, subject, finding_id FROM escalation_finding
                    WHERE subject_kind = ? AND subject IN (SELECT value FROM json_each(?))
                    """,
                arguments: [kind.rawValue, JSONText.array(codes)])
            while let row = try rows.next() {
                tally.add(
                    rule: row["rule"], subject: EscalationSubject(kind: kind, code: row["subject"]),
                    finding: row["finding_id"])
            }
        }
        return tally
    }
}

/// Builds JSON text for `json_each(?)`: a set of values passed as one argument, whatever its size.
public enum JSONText {
    public static func array(_ strings: [String]) -> String {
        "[" + strings.map(quoted).joined(separator: ",") + "]"
    }

    public static func array(_ numbers: [Int64]) -> String {
        "[" + numbers.map(String.init).joined(separator: ",") + "]"
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
