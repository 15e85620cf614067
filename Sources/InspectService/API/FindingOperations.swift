import InspectCore

/// Findings: logging, listing, corrections, imports, and checking the record.
extension Operations {
    static let findings: [any APIOperation.Type] = [
        LogFinding.self, ListFindings.self, AmendFinding.self, RetractFinding.self, ImportFindings.self, Verify.self,
    ]

    public enum LogFinding: APIOperation {
        public static let role = Role.inspector
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: FindingLogRequest
        ) throws
            -> FindingView
        { try service.logFinding(p, by: caller) }
    }

    public enum ListFindings: APIOperation {
        public struct Reply: Codable, Sendable {
            public var findings: [FindingView]
            /// Where the next page begins, when there is one (``Page``).
            public var next: Int64?
        }
        public static let role = Role.reader
        public static let writes = false
        /// A reader gets only the findings about the person linked to their login, without their hashes: each hash
        /// commits to the rows before it, which are other people's, and two known hashes around one unknown row
        /// would let anyone test guesses of that row.
        public static func perform(_ service: InspectService, as caller: Caller, _ p: FindingFilter) throws -> Reply {
            var filter = p
            let own = try service.ownBadge(of: caller)
            if let own {
                if let asked = p.staff { try InspectService.require(asked, isOwn: own, by: caller) }
                filter.staff = own
            }
            let page = try Page.of(cursor: \.finding.id) { try service.listFindings(filter, limit: $0) }
            return Reply(findings: own == nil ? page.rows : page.rows.map { $0.withoutHashes() }, next: page.next)
        }
    }

    public enum AmendFinding: APIOperation {
        public static let role = Role.inspector
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: FindingAmendRequest
        ) throws
            -> FindingView
        { try service.amendFinding(p, by: caller) }
    }

    public enum RetractFinding: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var id: Int64
            public var reason: String
            /// When the retraction was made, if not now.
            public var at: Instant?
            public init(id: Int64, reason: String, at: Instant? = nil) {
                self.id = id
                self.reason = reason
                self.at = at
            }
        }
        public static let role = Role.inspector
        public static let writes = true
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> FindingView
        {
            try service.retractFinding(id: p.id, reason: p.reason, at: p.at, by: caller)
        }
    }

    public enum ImportFindings: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ImportParameters
        ) throws
            -> ImportSummary
        { try service.importFindings(csv: p.csv, path: p.path, by: caller) }
    }

    public enum Verify: APIOperation {
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: NoParameters
        ) throws
            -> VerifyReport
        { try service.verify(for: caller) }
    }
}
