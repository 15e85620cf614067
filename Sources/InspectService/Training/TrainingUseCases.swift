import InspectCore
import InspectStore

extension InspectService {
    /// Adds a course people can be sent to.
    /// - Throws: `.invalidInput` (code, level, texts, dates), `.duplicate` (code taken).
    public func addCourse(_ course: Course, by caller: Caller) throws -> Course {
        let checked = try course.validated()
        return try perform { db, log in
            try TrainingStore.add(db, checked, by: caller.user, at: log.now)
            try log.emit(
                Event(
                    kind: .courseAdded,
                    message: "Course \(checked.code) (\(checked.kind.rawValue)) added by \(caller.user)",
                    fields: ["COURSE": checked.code, "KIND": checked.kind.rawValue, "USER": caller.user]))
            return checked
        }
    }

    /// Imports courses from CSV (`code,name,kind,level,field,provider,start,end`), all or nothing.
    /// - Throws: `.invalidFile` naming the file and line of the first bad row; nothing is written then.
    public func importCourses(csv text: String, path: String, by caller: Caller) throws -> ImportSummary {
        let columns = ["code", "name", "kind", "level", "field", "provider", "start", "end"]
        let table = try CSVTable(
            text: text, path: path, required: columns.filter { $0 != "level" }, allowed: columns)
        return try perform { db, log in
            for record in table.records {
                try table.located(record) {
                    let kindText = table.value("kind", in: record) ?? ""
                    guard let kind = TrainingKind(rawValue: kindText) else {
                        throw InspectError.invalidInput(
                            "unknown kind '\(kindText)'; use one of "
                                + TrainingKind.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    func date(_ column: String) throws -> CivilDate {
                        let text = table.value(column, in: record) ?? ""
                        guard let date = CivilDate(iso: text) else {
                            throw InspectError.invalidInput("\(column) '\(text)' is not a date (YYYY-MM-DD)")
                        }
                        return date
                    }
                    let (start, end) = (try date("start"), try date("end"))
                    let course = Course(
                        code: table.value("code", in: record) ?? "", name: table.value("name", in: record) ?? "",
                        kind: kind, level: table.value("level", in: record),
                        field: table.value("field", in: record) ?? "",
                        provider: table.value("provider", in: record) ?? "", starts: start, ends: end)
                    try ParameterCheck.validate(course)
                    try TrainingStore.add(db, try course.validated(), by: caller.user, at: log.now)
                }
            }
            try log.emit(
                Event(
                    kind: .courseAdded,
                    message: "\(table.records.count) courses imported from \(path) by \(caller.user)",
                    fields: ["USER": caller.user, "COUNT": String(table.records.count)]))
            return ImportSummary(path: path, rows: table.records.count)
        }
    }

    /// The courses starting in `year`, or all of them: what is taught is not personal.
    /// - Throws: `.invalidInput` for a year out of range.
    public func listCourses(year: Int?) throws -> [Course] {
        let year = try year.map { try YearRequest(year: $0).checked() }
        return try query { db in try TrainingStore.courses(db, year: year) }
    }

    /// Records that a person attends a course, and their completion when `request` gives one.
    /// - Throws: `.notFound` (course, badge), `.conflict` (retired, recorded already), `.invalidInput` (completion
    ///   without evidence, or before the course started, or after today).
    public func attendCourse(_ request: AttendRequest, by caller: Caller) throws -> Attendance {
        try perform { db, log in
            try recordAttendance(db, request, at: log.now, by: caller)
            try log.emit(
                Event(
                    kind: .attendanceRecorded,
                    message: "Staff \(request.badge) attends course \(request.course), recorded by \(caller.user)",
                    fields: ["STAFF": request.badge, "COURSE": request.course, "USER": caller.user]))
            return try TrainingStore.attendances(db, course: request.course, badge: request.badge)[0]
        }
    }

    /// Records that a person completed a course they attend; a degree becomes one of their qualifications.
    /// - Throws: `.notFound` (course, badge, attendance), `.conflict` (completion recorded already),
    ///   `.invalidInput` (no evidence, date before the course started or after today).
    public func completeCourse(_ request: AttendRequest, by caller: Caller) throws -> Attendance {
        guard let date = request.completed else {
            throw InspectError.invalidInput("a completion needs its date")
        }
        return try perform { db, log in
            let (courseID, course) = try requireCourse(db, request.course)
            let staff = try StaffRecord.require(db, badge: request.badge)
            guard let attendanceID = try TrainingStore.attendanceID(db, courseID: courseID, staffID: staff.id!) else {
                throw InspectError.notFound(kind: "attendance of course \(course.code) by", key: request.badge)
            }
            try recordCompletion(
                db, attendanceID: attendanceID, course, staff, on: date, request, at: log.now, by: caller)
            try log.emit(
                Event(
                    kind: .courseCompleted,
                    message: "Staff \(request.badge) completed course \(request.course), recorded by \(caller.user)",
                    fields: ["STAFF": request.badge, "COURSE": request.course, "USER": caller.user]))
            return try TrainingStore.attendances(db, course: course.code, badge: staff.badge)[0]
        }
    }

    /// Imports attendances from CSV (`course,badge[,completed,evidence]`), all or nothing.
    /// - Throws: `.invalidFile` naming the file and line of the first bad row; nothing is written then.
    public func importAttendances(csv text: String, path: String, by caller: Caller) throws -> ImportSummary {
        let table = try CSVTable(
            text: text, path: path, required: ["course", "badge"],
            allowed: ["course", "badge", "completed", "evidence"])
        return try perform { db, log in
            for record in table.records {
                try table.located(record) {
                    let completed = try table.value("completed", in: record).map { text in
                        guard let date = CivilDate(iso: text) else {
                            throw InspectError.invalidInput("completed '\(text)' is not a date (YYYY-MM-DD)")
                        }
                        return date
                    }
                    let request = AttendRequest(
                        course: table.value("course", in: record) ?? "", badge: table.value("badge", in: record) ?? "",
                        completed: completed, evidence: table.value("evidence", in: record))
                    try ParameterCheck.validate(request)
                    try recordAttendance(db, request, at: log.now, by: caller)
                }
            }
            try log.emit(
                Event(
                    kind: .attendancesImported,
                    message: "\(table.records.count) attendances imported from \(path) by \(caller.user)",
                    fields: ["USER": caller.user, "COUNT": String(table.records.count)]))
            return ImportSummary(path: path, rows: table.records.count)
        }
    }

    /// The attendances `filter` selects, with their completions.
    public func listAttendances(_ filter: AttendanceFilter) throws -> [Attendance] {
        try query { db in try TrainingStore.attendances(db, course: filter.course, badge: filter.badge) }
    }

    /// A year's attendances by the courses' kind and the people's level.
    /// - Throws: `.invalidInput` for a year out of range.
    public func trainingReport(_ request: YearRequest) throws -> TrainingReport {
        let year = try request.checked()
        return try query { db in
            TrainingReport(year: year, attendances: try TrainingStore.attendancesOfYear(db, year: year))
        }
    }

    // MARK: - Shared steps

    private func requireCourse(_ db: StoreTransaction, _ code: String) throws -> (Int64, Course) {
        guard let found = try TrainingStore.course(db, code: code) else {
            throw InspectError.notFound(kind: "course", key: code)
        }
        return found
    }

    /// Appends one attendance (and its completion) in the current transaction; an import appends thousands, so it
    /// reads nothing back.
    private func recordAttendance(
        _ db: StoreTransaction, _ request: AttendRequest, at now: Instant, by caller: Caller
    ) throws {
        let (courseID, course) = try requireCourse(db, request.course)
        let staff = try StaffRecord.require(db, badge: request.badge)
        guard staff.active else { throw InspectError.conflict("staff \(request.badge) is retired") }
        if request.completed == nil, request.evidence != nil {
            throw InspectError.invalidInput("evidence is for a completion: give its date too")
        }
        let attendanceID: Int64
        do {
            attendanceID = try TrainingStore.attend(
                db, courseID: courseID, staffID: staff.id!, by: caller.user, at: now)
        } catch InspectError.conflict {
            throw InspectError.conflict("staff \(request.badge) is recorded on course \(course.code) already")
        }
        if let date = request.completed {
            try recordCompletion(db, attendanceID: attendanceID, course, staff, on: date, request, at: now, by: caller)
        }
    }

    /// Appends a completion and, for a degree, the qualification it awards (a profile change, so the history of
    /// the person's qualifications shows where it came from).
    private func recordCompletion(
        _ db: StoreTransaction, attendanceID: Int64, _ course: Course, _ staff: StaffRecord, on date: CivilDate,
        _ request: AttendRequest, at now: Instant, by caller: Caller
    ) throws {
        let evidence = request.evidence?.trimmingSpaces ?? ""
        guard !evidence.isEmpty else {
            throw InspectError.invalidInput("a completion needs its evidence (the degree or certificate)")
        }
        guard date >= course.starts else {
            throw InspectError.invalidInput(
                "course \(course.code) cannot be completed (\(date)) before it starts (\(course.starts))")
        }
        let today = policy.zone.local(now).date
        guard date <= today else {
            throw InspectError.invalidInput("a completion's date (\(date)) cannot be after today (\(today))")
        }
        do {
            try TrainingStore.complete(
                db, attendanceID: attendanceID, on: date, evidence: evidence, by: caller.user, at: now)
        } catch InspectError.conflict {
            throw InspectError.conflict("the completion of course \(course.code) by \(staff.badge) is recorded already")
        }
        guard let qualification = course.qualification(completedOn: date, evidence: evidence) else { return }
        try StaffProfileChangeRecord.append(
            db, staffID: staff.id!,
            ProfileChange(
                aspect: qualification.kind.rawValue, value: qualification.level, field: qualification.field,
                date: date, evidence: evidence, reason: "completed course \(course.code)", recordedBy: caller.user,
                recordedAt: now))
    }
}
