/// What an escalation asks of the responsible manager, in rising order of gravity.
///
/// inspectd records and refers: a level names the measure the district's practice calls for next, never a penalty.
public enum EscalationLevel: String, Sendable, Codable, DeclarationOrdered {
    /// Nhắc nhở: remind the person or office of the rule.
    case reminder
    /// Chấn chỉnh: correct the shortcoming, with a follow-up.
    case correction
    /// Đề nghị xem xét kỷ luật: refer the case to the disciplinary process (Nghị định 172/2025/NĐ-CP).
    case referral

    /// The Vietnamese name, as the district's documents use it.
    public var nameVietnamese: String {
        switch self {
        case .reminder: "nhắc nhở"
        case .correction: "chấn chỉnh"
        case .referral: "đề nghị xem xét kỷ luật"
        }
    }

    /// How loud the journal entry is: a referral is an error an operator should not miss, the others warnings.
    public var priority: Priority { self == .referral ? .error : .warning }
}

/// Whom a rule counts findings against.
public enum EscalationSubjectKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// One person, by badge: their findings count wherever they were made, before and after a move.
    case staff
    /// One office, by code: the findings made in its inspections, about the office itself or about the staff
    /// working there at the time.
    case office

    public static func < (lhs: EscalationSubjectKind, rhs: EscalationSubjectKind) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// One person or one office that findings are counted against.
public struct EscalationSubject: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var kind: EscalationSubjectKind
    /// The badge (staff) or the office code (office).
    public var code: String

    public init(kind: EscalationSubjectKind, code: String) {
        self.kind = kind
        self.code = code
    }

    public static func staff(_ badge: String) -> EscalationSubject { EscalationSubject(kind: .staff, code: badge) }
    public static func office(_ code: String) -> EscalationSubject { EscalationSubject(kind: .office, code: code) }

    public static func < (lhs: EscalationSubject, rhs: EscalationSubject) -> Bool {
        (lhs.kind, lhs.code) < (rhs.kind, rhs.code)
    }

    /// `staff CL-00418`, `office UBND-NHANLY`.
    public var description: String { "\(kind.rawValue) \(code)" }
}
