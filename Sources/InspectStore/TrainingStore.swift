import GRDB
import InspectCore

/// Courses, attendances and completions: inserted, never changed (the migration's triggers refuse the rest).
public enum TrainingStore {
    private static let courseSelect = """
        SELECT id, code, name, kind, level, field, provider, starts_on, ends_on FROM training_course
        """

    private static func course(_ row: Row) -> Course {
        Course(
            code: row["code"], name: row["name"], kind: TrainingKind(rawValue: row["kind"]) ?? .shortCourse,
            level: row["level"], field: row["field"], provider: row["provider"], starts: row["starts_on"],
            ends: row["ends_on"])
    }

    /// Adds `course`, already validated.
    /// - Throws: `.duplicate` when its code is taken.
    package static func add(
        _ transaction: StoreTransaction, _ course: Course, by user: String, at now: Instant
    ) throws {
        guard try Self.course(transaction, code: course.code) == nil else {
            throw InspectError.duplicate(kind: "course", key: course.code)
        }
        try transaction.db.execute(
            sql: """
                INSERT INTO training_course
                    (code, name, kind, level, field, provider, starts_on, ends_on, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                course.code, course.name, course.kind.rawValue, course.level, course.field, course.provider,
                course.starts, course.ends, user, now,
            ])
    }

    /// The course with `code` and its row id, if there is one.
    package static func course(_ transaction: StoreTransaction, code: String) throws -> (id: Int64, course: Course)? {
        try Row.fetchOne(transaction.db, sql: courseSelect + " WHERE code = ?", arguments: [code]).map {
            (id: $0["id"], course: course($0))
        }
    }

    /// The courses starting in `year` (all when nil), by start date and code.
    package static func courses(_ transaction: StoreTransaction, year: Int?) throws -> [Course] {
        let filter = year == nil ? "" : " WHERE starts_on >= ? AND starts_on < ?"
        let arguments: StatementArguments = year.map { Self.yearBounds($0) } ?? []
        return try Row.fetchAll(
            transaction.db, sql: courseSelect + filter + " ORDER BY starts_on, code", arguments: arguments
        ).map(course)
    }

    /// The first day of `year` and of the next, as stored dates compare (years are checked to be 1970-2099).
    private static func yearBounds(_ year: Int) -> StatementArguments {
        [CivilDate(year: year, month: 1, day: 1), CivilDate(year: year + 1, month: 1, day: 1)]
    }

    /// Records that the person `staffID` attends the course `courseID`; returns the attendance's row id.
    /// - Throws: `.conflict` when that attendance is recorded already.
    package static func attend(
        _ transaction: StoreTransaction, courseID: Int64, staffID: Int64, by user: String, at now: Instant
    ) throws -> Int64 {
        guard try attendanceID(transaction, courseID: courseID, staffID: staffID) == nil else {
            throw InspectError.conflict("this person's attendance of the course is recorded already")
        }
        try transaction.db.execute(
            sql: "INSERT INTO training_attendance (course_id, staff_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?)",
            arguments: [courseID, staffID, user, now])
        return transaction.db.lastInsertedRowID
    }

    /// The row id of the person's attendance of the course, if recorded.
    package static func attendanceID(
        _ transaction: StoreTransaction, courseID: Int64, staffID: Int64
    ) throws -> Int64? {
        try Int64.fetchOne(
            transaction.db, sql: "SELECT id FROM training_attendance WHERE course_id = ? AND staff_id = ?",
            arguments: [courseID, staffID])
    }

    /// Records that the attendance `attendanceID` was completed on `date`, shown by `evidence`.
    /// - Throws: `.conflict` when its completion is recorded already.
    package static func complete(
        _ transaction: StoreTransaction, attendanceID: Int64, on date: CivilDate, evidence: String, by user: String,
        at now: Instant
    ) throws {
        let known = try Bool.fetchOne(
            transaction.db, sql: "SELECT EXISTS (SELECT 1 FROM training_completion WHERE attendance_id = ?)",
            arguments: [attendanceID])
        guard known != true else {
            throw InspectError.conflict("this person's completion of the course is recorded already")
        }
        try transaction.db.execute(
            sql: """
                INSERT INTO training_completion (attendance_id, completed_on, evidence, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [attendanceID, date, evidence, user, now])
    }

    /// The attendances of the course `course` and of the person `badge` (all when nil), by course start, course and
    /// badge, with their completions.
    package static func attendances(
        _ transaction: StoreTransaction, course: String?, badge: String?
    ) throws -> [Attendance] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let course {
            conditions.append("c.code = ?")
            arguments.append(course)
        }
        if let badge {
            conditions.append("s.badge = ?")
            arguments.append(badge)
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT c.code, s.badge, t.completed_on, t.evidence, a.recorded_by, a.recorded_at
                FROM training_attendance a
                JOIN training_course c ON c.id = a.course_id
                JOIN staff s ON s.id = a.staff_id
                LEFT JOIN training_completion t ON t.attendance_id = a.id
                """ + filter + " ORDER BY c.starts_on, c.code, s.badge",
            arguments: StatementArguments(arguments)
        ).map {
            Attendance(
                course: $0["code"], badge: $0["badge"], completed: $0["completed_on"], evidence: $0["evidence"],
                recordedBy: $0["recorded_by"], recordedAt: $0["recorded_at"])
        }
    }

    /// Every attendance of a course starting in `year`: the course's kind, and the person's level as recorded on the
    /// day the course started (the latest level change in effect then; nil when none was).
    package static func attendancesOfYear(
        _ transaction: StoreTransaction, year: Int
    ) throws -> [(kind: TrainingKind, level: StaffLevel?)] {
        try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT c.kind,
                    (SELECT p.value FROM staff_profile_change p
                     WHERE p.staff_id = a.staff_id AND p.aspect = 'level' AND p.effective_on <= c.starts_on
                     ORDER BY p.effective_on DESC, p.id DESC LIMIT 1) AS level
                FROM training_attendance a JOIN training_course c ON c.id = a.course_id
                WHERE c.starts_on >= ? AND c.starts_on < ?
                """,
            arguments: yearBounds(year)
        ).map { row in
            (
                kind: TrainingKind(rawValue: row["kind"]) ?? .shortCourse,
                level: (row["level"] as String?).flatMap(StaffLevel.init(rawValue:))
            )
        }
    }
}
