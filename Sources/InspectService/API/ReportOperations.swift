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

    /// A time range, either end open, and where the page begins (``Page``).
    public struct PagedRange: Codable, Sendable {
        public var from: Instant?
        public var to: Instant?
        /// The `next` of the page before; none for the first page.
        public var after: Int64?
        public init(from: Instant?, to: Instant?, after: Int64? = nil) {
            self.from = from
            self.to = to
            self.after = after
        }
    }

    public enum SummaryReport: APIOperation {
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: SummaryRequest
        ) throws
            -> InspectCore.SummaryReport
        { try service.summaryReport(p) }
    }

    public enum ExportOffices: APIOperation {
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: NoParameters
        ) throws
            -> ListOffices.Reply
        { ListOffices.Reply(offices: try service.exportOffices()) }
    }

    /// Every person, retired ones too, by badge.
    public enum ExportStaff: APIOperation {
        public struct Parameters: Codable, Sendable {
            /// The `next` of the page before (``Page``).
            public var after: String?
            public init(after: String? = nil) { self.after = after }
        }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: Parameters
        ) throws
            -> ListStaff.Reply
        {
            let page = try service.readableStaff(by: caller, includeRetired: true, after: p.after)
            return ListStaff.Reply(staff: page.rows, next: page.next)
        }
    }

    public enum ExportInspections: APIOperation {
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: PagedRange
        ) throws
            -> ListInspections.Reply
        {
            let page = try service.exportInspections(p, as: caller)
            return ListInspections.Reply(inspections: page.rows, next: page.next)
        }
    }

    public enum ExportFindings: APIOperation {
        public static let role = Role.inspector
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: PagedRange
        ) throws
            -> ListFindings.Reply
        {
            let page = try service.exportFindings(p)
            return ListFindings.Reply(findings: page.rows, next: page.next)
        }
    }

    /// Planned inspections only: surprise and follow-up dates are never exported.
    public enum PlannedCalendar: APIOperation {
        public struct Reply: Codable, Sendable {
            public var entries: [CalendarEntry]
            /// The server's time, for the calendar's DTSTAMP.
            public var stamp: Instant
        }
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
