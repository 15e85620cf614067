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

    /// Counts from rows of `level` (an escalation level's raw value), how many were raised at it and how many of
    /// those are acknowledged.
    public init(levels: [(level: String, count: Int, acknowledged: Int)]) {
        self.init(reminder: 0, correction: 0, referral: 0, acknowledged: 0)
        for row in levels {
            acknowledged += row.acknowledged
            switch EscalationLevel(rawValue: row.level) {
            case .reminder: reminder += row.count
            case .correction: correction += row.count
            case .referral: referral += row.count
            case nil: break
            }
        }
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
