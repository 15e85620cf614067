import InspectCore

/// Competency tests: sessions are public (the schedule shows them), results are personal. Administrators plan and
/// record; a reader lists only their own results, inspectors and administrators everyone's, and reports, whose small
/// groups could name people, are for inspectors.
extension Operations {
    static let competency: [any APIOperation.Type] = [
        PlanTestSession.self, ListTestSessions.self, RecordTestResult.self, ImportTestResults.self,
        AmendTestResult.self, ListTestResults.self, TestBandReport.self,
    ]

    public enum PlanTestSession: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: TestSessionRequest
        ) throws
            -> TestSession
        { try service.planTestSession(p, by: caller) }
    }

    public enum ListTestSessions: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var from: CivilDate?
            public var to: CivilDate?
            public init(from: CivilDate?, to: CivilDate?) {
                self.from = from
                self.to = to
            }
        }
        public struct Reply: Codable, Sendable { public var sessions: [TestSession] }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> Reply {
            Reply(sessions: try service.testSessions(from: p.from, to: p.to))
        }
    }

    public enum RecordTestResult: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: TestResultRequest
        ) throws
            -> TestResult
        { try service.recordTestResult(p, by: caller) }
    }

    public enum ImportTestResults: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: TestImportRequest
        ) throws
            -> ImportSummary
        { try service.importTestResults(p, by: caller) }
    }

    public enum AmendTestResult: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: TestAmendRequest
        ) throws
            -> TestResult
        { try service.amendTestResult(p, by: caller) }
    }

    /// A reader's listing is narrowed to their own badge (asking for another's is refused), whatever else it names.
    public enum ListTestResults: APIOperation {
        public struct Reply: Codable, Sendable { public var results: [TestResult] }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: TestResultFilter
        ) throws
            -> Reply
        {
            var filter = p
            if let own = try service.ownBadge(of: caller) {
                if let badge = p.badge { try InspectService.require(badge, isOwn: own, by: caller) }
                filter.badge = own
            }
            return Reply(results: try service.testResults(filter))
        }
    }

    public enum TestBandReport: APIOperation {
        public static let role = Role.inspector
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: TestResultFilter
        ) throws
            -> TestReport
        { try service.testReport(p) }
    }
}
