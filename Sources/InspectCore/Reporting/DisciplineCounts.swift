/// The escalations a period raised, by level, and how many of them were acknowledged by the time of the report.
public struct EscalationCounts: Codable, Sendable, Hashable {
    public var reminder: Int
    public var correction: Int
    public var referral: Int
    public var acknowledged: Int

    public init(reminder: Int, correction: Int, referral: Int, acknowledged: Int) {
        self.reminder = reminder
        self.correction = correction
        self.referral = referral
        self.acknowledged = acknowledged
    }

    public var total: Int { reminder + correction + referral }

    public func count(_ level: EscalationLevel) -> Int {
        switch level {
        case .reminder: reminder
        case .correction: correction
        case .referral: referral
        }
    }
}

/// Corrective actions: required during the period, and still not done at its end (of which past their due date).
public struct ActionCounts: Codable, Sendable, Hashable {
    public var required: Int
    public var open: Int
    public var overdue: Int

    public init(required: Int, open: Int, overdue: Int) {
        self.required = required
        self.open = open
        self.overdue = overdue
    }
}
