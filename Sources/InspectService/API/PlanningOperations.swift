import InspectCore

/// Plans, the schedule, audits and the daemon's status.
extension Operations {
    static let planning: [any APIOperation.Type] = [ApplyPlans.self, AuditDraws.self, Schedule.self, Status.self]

    /// Applies the plans now; draws take their seed from the system's random generator.
    public enum ApplyPlans: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: NoParameters
        ) throws
            -> SchedulingReport
        {
            var generator = SystemRandomness()
            return try service.applyPlans(by: caller, using: &generator)
        }
    }

    public enum AuditDraws: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var period: String
            public var plan: String?
            public init(period: String, plan: String?) {
                self.period = period
                self.plan = plan
            }
        }
        public struct Reply: Codable, Sendable { public var audits: [DrawAudit] }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> Reply {
            Reply(audits: try service.auditDraws(period: p.period, plan: p.plan))
        }
    }

    public enum Schedule: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var from: Instant
            public var to: Instant
            public var reveal: Bool
            public init(from: Instant, to: Instant, reveal: Bool) {
                self.from = from
                self.to = to
                self.reveal = reveal
            }
        }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: Parameters
        ) throws
            -> ListInspections.Reply
        {
            ListInspections.Reply(
                inspections: try service.upcoming(from: p.from, to: p.to, reveal: p.reveal, as: caller))
        }
    }

    public enum Status: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var recent: Int
            public init(recent: Int) { self.recent = recent }
        }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> StatusReport
        {
            try service.status(recent: p.recent, as: caller)
        }
    }
}
