import InspectCore

/// Discipline: escalations of repeat offences, corrective actions, follow-ups, and one person's or office's history.
extension Operations {
    static let discipline: [any APIOperation.Type] = [
        ListEscalations.self, AcknowledgeEscalation.self, EvaluateEscalations.self, ShowAction.self,
        RequireAction.self, CompleteAction.self, VerifyAction.self, ListActions.self, FollowUpOf.self,
        AuditFollowUp.self, StaffHistory.self, OfficeHistory.self,
    ]

    public struct EscalationsReply: Codable, Sendable { public var escalations: [EscalationView] }

    public enum ListEscalations: APIOperation {
        public static let role = Role.inspector
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: EscalationFilter
        ) throws
            -> EscalationsReply
        { EscalationsReply(escalations: try service.listEscalations(p)) }
    }

    public struct NoteParameters: Codable, Sendable {
        public var id: Int64
        public var note: String?
        public init(id: Int64, note: String?) {
            self.id = id
            self.note = note
        }
    }

    public enum AcknowledgeEscalation: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: NoteParameters
        ) throws
            -> EscalationView
        { try service.acknowledgeEscalation(id: p.id, note: p.note, by: caller) }
    }

    public enum EvaluateEscalations: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var since: Instant?
            public init(since: Instant?) { self.since = since }
        }
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: Parameters
        ) throws
            -> EscalationsReply
        { EscalationsReply(escalations: try service.evaluateEscalations(since: p.since, by: caller)) }
    }

    public struct FindingParameters: Codable, Sendable {
        public var finding: Int64
        public init(finding: Int64) { self.finding = finding }
    }

    public enum ShowAction: APIOperation {
        public static let role = Role.inspector
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: FindingParameters
        ) throws
            -> ActionView
        { try service.showAction(finding: p.finding) }
    }

    public enum RequireAction: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var finding: Int64
            public var requirement: String
            public var due: CivilDate
            public init(finding: Int64, requirement: String, due: CivilDate) {
                self.finding = finding
                self.requirement = requirement
                self.due = due
            }
        }
        public static let role = Role.inspector
        public static let writes = true
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> ActionView {
            try service.requireAction(finding: p.finding, requirement: p.requirement, due: p.due, by: caller)
        }
    }

    public struct ActionStepParameters: Codable, Sendable {
        public var finding: Int64
        public var note: String?
        public init(finding: Int64, note: String?) {
            self.finding = finding
            self.note = note
        }
    }

    public enum CompleteAction: APIOperation {
        public static let role = Role.inspector
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ActionStepParameters
        ) throws
            -> ActionView
        { try service.completeAction(finding: p.finding, note: p.note, by: caller) }
    }

    public enum VerifyAction: APIOperation {
        public static let role = Role.inspector
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ActionStepParameters
        ) throws
            -> ActionView
        { try service.verifyAction(finding: p.finding, note: p.note, by: caller) }
    }

    public enum ListActions: APIOperation {
        public struct Reply: Codable, Sendable { public var actions: [ActionView] }
        public static let role = Role.inspector
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: ActionFilter) throws -> Reply {
            Reply(actions: try service.listActions(p))
        }
    }

    /// The follow-up a closed inspection led to, if any (its instant only once due).
    public enum FollowUpOf: APIOperation {
        public struct Reply: Codable, Sendable { public var followUp: FollowUpNotice? }
        public static let role = Role.inspector
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: InspectionParameters
        ) throws
            -> Reply
        { Reply(followUp: try service.followUp(of: p.id, as: caller)) }
    }

    public enum AuditFollowUp: APIOperation {
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: InspectionParameters
        ) throws
            -> FollowUpAuditReport
        { try service.auditFollowUp(id: p.id) }
    }

    public enum StaffHistory: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var badge: String
            public var from: Instant?
            public var to: Instant?
            public init(badge: String, from: Instant?, to: Instant?) {
                self.badge = badge
                self.from = from
                self.to = to
            }
        }
        public static let role = Role.reader
        public static let writes = false
        /// A reader may read the history of the person linked to their login only.
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> StaffReport
        {
            try service.requireReadable(badge: p.badge, by: caller)
            return try service.staffReport(badge: p.badge, from: p.from, to: p.to)
        }
    }

    public enum OfficeHistory: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var code: String
            public var from: Instant?
            public var to: Instant?
            public init(code: String, from: Instant?, to: Instant?) {
                self.code = code
                self.from = from
                self.to = to
            }
        }
        public static let role = Role.inspector
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: Parameters
        ) throws
            -> OfficeReport
        { try service.officeReport(code: p.code, from: p.from, to: p.to) }
    }
}
