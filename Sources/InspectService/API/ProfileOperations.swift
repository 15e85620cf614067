import InspectCore

/// People fully described: their level, title and qualifications, with the history of each. Administrators write;
/// qualifications are personal, so a reader reads only the profile of the person linked to their login, and
/// inspectors, who read everyone's record, read everyone's profile.
extension Operations {
    static let profiles: [any APIOperation.Type] = [
        ShowProfile.self, ListTitles.self, SetStaffLevel.self, SetStaffTitle.self, QualifyStaff.self,
        ImportQualifications.self, ImportProfile.self,
    ]

    public enum ShowProfile: APIOperation {
        public static let role = Role.reader
        public static let writes = false
        /// A reader may ask only for their own badge; the check comes first, so no other badge's existence shows.
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: BadgeParameters
        ) throws
            -> StaffProfile
        {
            try service.requireReadable(badge: p.badge, by: caller)
            return try service.staffProfile(badge: p.badge)
        }
    }

    /// The titles of `titles.conf`: configuration, public like the plans and the working hours.
    public enum ListTitles: APIOperation {
        public struct Reply: Codable, Sendable { public var titles: [StaffTitle] }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: NoParameters) throws -> Reply {
            Reply(titles: service.listTitles())
        }
    }

    public enum SetStaffLevel: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ProfileSetRequest
        ) throws
            -> StaffProfile
        { try service.setStaffLevel(p, by: caller) }
    }

    public enum SetStaffTitle: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ProfileSetRequest
        ) throws
            -> StaffProfile
        { try service.setStaffTitle(p, by: caller) }
    }

    public enum QualifyStaff: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: QualifyRequest
        ) throws
            -> StaffProfile
        { try service.qualifyStaff(p, by: caller) }
    }

    public enum ImportQualifications: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ImportParameters
        ) throws
            -> ImportSummary
        { try service.importQualifications(csv: p.csv, path: p.path, by: caller) }
    }

    public enum ImportProfile: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ImportParameters
        ) throws
            -> ImportSummary
        { try service.importProfile(csv: p.csv, path: p.path, by: caller) }
    }
}
