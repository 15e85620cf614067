import InspectCore

/// The registry: offices, staff and violation types.
extension Operations {
    static let registry: [any APIOperation.Type] = [
        AddOffice.self, ListOffices.self, ShowOffice.self, ImportOffices.self, RetireOffice.self, AddStaff.self,
        ListStaff.self, ShowStaff.self, ImportStaff.self, MoveStaff.self, RetireStaff.self, LinkStaff.self,
        ListViolationTypes.self, WhoAmI.self,
    ]

    public enum AddOffice: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(_ service: InspectService, as caller: Caller, _ p: OfficeAddRequest) throws -> Office
        {
            try service.addOffice(p, by: caller)
        }
    }

    public enum ListOffices: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var includeRetired: Bool
            public init(includeRetired: Bool) { self.includeRetired = includeRetired }
        }
        public struct Reply: Codable, Sendable { public var offices: [Office] }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> Reply {
            Reply(offices: try service.listOffices(includeRetired: p.includeRetired))
        }
    }

    public enum ShowOffice: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var code: String
            public init(code: String) { self.code = code }
        }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> OfficeDetail
        {
            try service.showOffice(code: p.code, as: caller)
        }
    }

    /// CSV text travels in the call: the file is read by the CLI, with the caller's own permissions.
    public struct ImportParameters: Codable, Sendable {
        public var csv: String
        public var path: String
        public init(csv: String, path: String) {
            self.csv = csv
            self.path = path
        }
    }

    public enum ImportOffices: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ImportParameters
        ) throws
            -> ImportSummary
        { try service.importOffices(csv: p.csv, path: p.path, by: caller) }
    }

    public enum RetireOffice: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ShowOffice.Parameters
        ) throws
            -> Office
        { try service.retireOffice(code: p.code, by: caller) }
    }

    public enum AddStaff: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(_ service: InspectService, as caller: Caller, _ p: StaffAddRequest) throws -> Staff {
            try service.addStaff(p, by: caller)
        }
    }

    public enum ListStaff: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var office: String?
            public var includeRetired: Bool
            /// The `next` of the page before (``Page``).
            public var after: String?
            public init(office: String?, includeRetired: Bool, after: String? = nil) {
                self.office = office
                self.includeRetired = includeRetired
                self.after = after
            }
        }
        public struct Reply: Codable, Sendable {
            public var staff: [Staff]
            /// Where the next page begins, when there is one (``Page``).
            public var next: String?
        }
        public static let role = Role.reader
        public static let writes = false
        /// A reader gets only the person linked to their login.
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> Reply {
            let page = try service.readableStaff(
                by: caller, office: p.office, includeRetired: p.includeRetired, after: p.after)
            return Reply(staff: page.rows, next: page.next)
        }
    }

    public struct BadgeParameters: Codable, Sendable {
        public var badge: String
        public init(badge: String) { self.badge = badge }
    }

    public enum ShowStaff: APIOperation {
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: BadgeParameters
        ) throws
            -> StaffDetail
        {
            try service.requireReadable(badge: p.badge, by: caller)
            return try service.showStaff(badge: p.badge)
        }
    }

    public enum ImportStaff: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ImportParameters
        ) throws
            -> ImportSummary
        { try service.importStaff(csv: p.csv, path: p.path, by: caller) }
    }

    public enum MoveStaff: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var badge: String
            public var office: String
            public var at: Instant?
            public init(badge: String, office: String, at: Instant?) {
                self.badge = badge
                self.office = office
                self.at = at
            }
        }
        public static let role = Role.admin
        public static let writes = true
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> StaffDetail
        {
            try service.moveStaff(badge: p.badge, to: p.office, at: p.at, by: caller)
        }
    }

    public enum RetireStaff: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: BadgeParameters
        ) throws
            -> StaffDetail
        { try service.retireStaff(badge: p.badge, by: caller) }
    }

    /// Links a person to their Unix login, or unlinks them (`login` null), so that user may read their own record.
    public enum LinkStaff: APIOperation {
        public struct Parameters: Codable, Sendable {
            public var badge: String
            public var login: String?
            public init(badge: String, login: String?) {
                self.badge = badge
                self.login = login
            }
        }
        public static let role = Role.admin
        public static let writes = true
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Parameters) throws -> StaffDetail
        {
            try service.linkStaff(badge: p.badge, login: p.login, by: caller)
        }
    }

    public enum ListViolationTypes: APIOperation {
        public struct Reply: Codable, Sendable { public var types: [ViolationType] }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: NoParameters) throws -> Reply {
            Reply(types: try service.listViolationTypes())
        }
    }

    /// The caller as the daemon sees them: user, role and the person linked to their login.
    public enum WhoAmI: APIOperation {
        public static let role = Role.reader
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: NoParameters) throws -> Identity {
            try service.identity(of: caller)
        }
    }
}
