import InspectCore

/// Training: courses are public (what is taught and when), attendances and completions are personal. Administrators
/// write; a reader lists only their own attendances, inspectors and administrators everyone's, as for profiles.
extension Operations {
    static let training: [any APIOperation.Type] = [
        AddCourse.self, ImportCourses.self, ListCourses.self, AttendCourse.self, CompleteCourse.self,
        ImportAttendances.self,
        ListAttendances.self, TrainingYearReport.self,
    ]

    public enum AddCourse: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(_ service: InspectService, as caller: Caller, _ p: Course) throws -> Course {
            try service.addCourse(p, by: caller)
        }
    }

    public enum ImportCourses: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ImportParameters
        ) throws
            -> ImportSummary
        { try service.importCourses(csv: p.csv, path: p.path, by: caller) }
    }

    public enum ListCourses: APIOperation {
        public struct Reply: Codable, Sendable { public var courses: [Course] }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(_ service: InspectService, as caller: Caller, _ p: CourseFilter) throws -> Reply {
            Reply(courses: try service.listCourses(year: p.year))
        }
    }

    public enum AttendCourse: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: AttendRequest
        ) throws
            -> Attendance
        { try service.attendCourse(p, by: caller) }
    }

    public enum CompleteCourse: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: AttendRequest
        ) throws
            -> Attendance
        { try service.completeCourse(p, by: caller) }
    }

    public enum ImportAttendances: APIOperation {
        public static let role = Role.admin
        public static let writes = true
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: ImportParameters
        ) throws
            -> ImportSummary
        { try service.importAttendances(csv: p.csv, path: p.path, by: caller) }
    }

    /// A reader's listing is narrowed to their own badge (asking for another's is refused), whatever else it names.
    public enum ListAttendances: APIOperation {
        public struct Reply: Codable, Sendable { public var attendances: [Attendance] }
        public static let role = Role.reader
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: AttendanceFilter
        ) throws
            -> Reply
        {
            var filter = p
            if let own = try service.ownBadge(of: caller) {
                if let badge = p.badge { try InspectService.require(badge, isOwn: own, by: caller) }
                filter.badge = own
            }
            return Reply(attendances: try service.listAttendances(filter))
        }
    }

    /// Counts by kind and level; small groups could name people, so it is for inspectors, as their records are.
    public enum TrainingYearReport: APIOperation {
        public static let role = Role.inspector
        public static let writes = false
        public static func perform(
            _ service: InspectService, as caller: Caller, _ p: YearRequest
        ) throws
            -> TrainingReport
        { try service.trainingReport(p) }
    }
}
