import InspectCore

/// Inspections: opening, listing, closing, cancelling.
extension Operations {
    static let inspections: [any APIOperation.Type] = [
        OpenInspection.self, ListInspections.self, ShowInspection.self, CloseInspection.self, CancelInspection.self,
    ]

    public enum OpenInspection: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var office: String
            public var at: Instant?
            public var team: String?
            public init(office: String, at: Instant?, team: String?) {
                self.office = office
                self.at = at
                self.team = team
            }
        }
        public static let role = Role.inspector
        public static let writes = true
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> Inspection {
            try service.openInspection(office: p.office, at: p.at, team: p.team, by: caller)
        }
    }

    public enum ListInspections: APIOperation {
        public struct Reply: Codable, Sendable {
            public var inspections: [Inspection]
            /// Where the next page begins, when there is one (``Page``).
            public var next: Int64? = nil
        }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: InspectionFilter) throws -> Reply
        {
            let page = try Page.of(cursor: \.id) { try service.listInspections(p, as: caller, limit: $0) }
            return Reply(inspections: page.rows, next: page.next)
        }
    }

    public struct InspectionParameters: Codable, Sendable {
        public var id: Int64
        public init(id: Int64) { self.id = id }
    }

    public enum ShowInspection: APIOperation {
        public static let role = Role.inspector
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: InspectionParameters
        ) throws
            -> InspectionDetail
        { try service.showInspection(id: p.id, as: caller) }
    }

    public enum CloseInspection: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var id: Int64
            public var checked: Int
            public var at: Instant?
            /// Why more staff were checked than the office has, when they were.
            public var beyondStaff: String?
            public init(id: Int64, checked: Int, at: Instant?, beyondStaff: String? = nil) {
                self.id = id
                self.checked = checked
                self.at = at
                self.beyondStaff = beyondStaff
            }
        }
        public static let role = Role.inspector
        public static let writes = true
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> Inspection {
            try service.closeInspection(id: p.id, checked: p.checked, at: p.at, beyondStaff: p.beyondStaff, by: caller)
        }
    }

    public enum CancelInspection: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var id: Int64
            public var reason: String
            public init(id: Int64, reason: String) {
                self.id = id
                self.reason = reason
            }
        }
        public static let role = Role.admin
        public static let writes = true
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> Inspection {
            try service.cancelInspection(id: p.id, reason: p.reason, by: caller)
        }
    }
}
