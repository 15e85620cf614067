import InspectCore

/// Reports, exports and the import that restores an export.
extension Operations {
    static let reports: [any APIOperation.Type] = [
        SummaryReport.self, ExportOffices.self, ExportStaff.self, ExportInspections.self, ExportFindings.self,
        PlannedCalendar.self, ImportInspections.self,
    ]

    /// A time range; either end may be open.
    public struct RangeParameters: Codable, Sendable {
        public var from: Instant?
        public var to: Instant?
        public init(from: Instant?, to: Instant?) {
            self.from = from
            self.to = to
        }
    }

    public enum SummaryReport: APIOperation {
        public static let name = "SummaryReport"
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: SummaryRequest
        ) throws
            -> InspectCore.SummaryReport
        { try service.summaryReport(p) }
    }

    public enum ExportOffices: APIOperation {
        public static let name = "ExportOffices"
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: NoParameters
        ) throws
            -> ListOffices.Reply
        { ListOffices.Reply(offices: try service.exportOffices()) }
    }

    public enum ExportStaff: APIOperation {
        public static let name = "ExportStaff"
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: NoParameters
        ) throws
            -> ListStaff.Reply
        { ListStaff.Reply(staff: try service.readableStaff(by: caller) { try service.exportStaff() }) }
    }

    public enum ExportInspections: APIOperation {
        public static let name = "ExportInspections"
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: RangeParameters
        ) throws
            -> ListInspections.Reply
        { ListInspections.Reply(inspections: try service.exportInspections(from: p.from, to: p.to, as: caller)) }
    }

    public enum ExportFindings: APIOperation {
        public static let name = "ExportFindings"
        public static let role = Role.inspector
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: RangeParameters
        ) throws
            -> ListFindings.Reply
        { ListFindings.Reply(findings: try service.exportFindings(from: p.from, to: p.to)) }
    }

    /// Planned inspections only: surprise and follow-up dates are never exported.
    public enum PlannedCalendar: APIOperation {
        public struct Reply: Codable, Sendable {
            public var entries: [CalendarEntry]
            /// The server's time, for the calendar's DTSTAMP.
            public var stamp: Instant
        }
        public static let name = "PlannedCalendar"
        public static let role = Role.reader
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: RangeParameters) throws -> Reply {
            Reply(entries: try service.plannedCalendar(from: p.from, to: p.to), stamp: service.clock())
        }
    }

    public enum ImportInspections: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var csv: String
            public var path: String
            /// The findings file, if any: its text and path.
            public var findings: ImportParameters?
            public init(csv: String, path: String, findings: ImportParameters?) {
                self.csv = csv
                self.path = path
                self.findings = findings
            }
        }
        public static let name = "ImportInspections"
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: Parameters
        ) throws
            -> InspectionImportSummary
        {
            try service.importInspections(
                csv: p.csv, path: p.path, findings: p.findings.map { ($0.csv, $0.path) }, by: caller)
        }
    }
}
