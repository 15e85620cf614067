import InspectCore

/// Qualification standards: the configured standards, who meets them, and the shares that do. A person's line is
/// personal like their profile (a reader gets only their own, inspectors and administrators everyone's); the report
/// gives counts by level and category, public like the summary report's.
extension Operations {
    static let standards: [any APIOperation.Type] = [ListStandards.self, CheckStandards.self, StandardsReport.self]

    /// The standards of `standards.conf`: configuration, public like the titles.
    public enum ListStandards: APIOperation {
        public struct Reply: Codable, Sendable { public var standards: [Standard] }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: NoParameters) throws -> Reply {
            Reply(standards: service.listStandards())
        }
    }

    public enum CheckStandards: APIOperation {
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: StandardsCheckRequest
        ) throws
            -> StandardsCheckPage
        { try service.checkStandards(p, by: caller) }
    }

    public enum StandardsReport: APIOperation {
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: StandardsReportRequest
        ) throws
            -> InspectCore.StandardsReport
        { try service.standardsReport(p) }
    }
}
