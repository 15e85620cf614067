import InspectCore
import InspectStore

extension InspectService {
    /// A person's level, title and qualifications with their history.
    /// - Throws: `.notFound` for an unknown badge.
    public func staffProfile(badge: String) throws -> StaffProfile {
        try query { db in try profile(db, badge: badge) }
    }

    /// The titles a person may hold, as `titles.conf` and its drop-ins configure them.
    public func listTitles() -> [StaffTitle] { policy.configuration.titles.titles }

    /// Records the person's level from `request.date` (default today), keeping the earlier ones.
    /// - Throws: `.invalidInput` (unknown level, empty reason, date after today), `.notFound` (badge), `.conflict`
    ///   (retired, or already at that level).
    public func setStaffLevel(_ request: ProfileSetRequest, by caller: Caller) throws -> StaffProfile {
        guard let level = StaffLevel(rawValue: request.value) else {
            throw InspectError.invalidInput(
                "unknown level '\(request.value)'; use one of "
                    + StaffLevel.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return try perform { db, log in
            try recordProfileChange(
                db, aspect: ProfileChange.level, value: level.rawValue, request, at: log.now, by: caller)
            try log.emit(
                Event(
                    kind: .staffLevelChanged,
                    message: "Staff \(request.badge) level set to \(level.rawValue) by \(caller.user)",
                    fields: ["STAFF": request.badge, "LEVEL": level.rawValue, "USER": caller.user]))
            return try profile(db, badge: request.badge)
        }
    }

    /// Records the person's title (a code of `titles.conf`) from `request.date` (default today), keeping the earlier
    /// ones; the title people see in listings becomes the title's name.
    /// - Throws: `.invalidInput` (unknown title, empty reason, date after today), `.notFound` (badge), `.conflict`
    ///   (retired, or already holding that title).
    public func setStaffTitle(_ request: ProfileSetRequest, by caller: Caller) throws -> StaffProfile {
        let title = try policy.configuration.titles.require(request.value)
        return try perform { db, log in
            try recordProfileChange(
                db, aspect: ProfileChange.title, value: title.code, request, at: log.now, by: caller)
            try log.emit(
                Event(
                    kind: .staffTitleChanged,
                    message: "Staff \(request.badge) title set to \(title.code) by \(caller.user)",
                    fields: ["STAFF": request.badge, "TITLE": title.code, "USER": caller.user]))
            return try profile(db, badge: request.badge)
        }
    }

    /// Records one qualification of a person; a later one of the same kind (and language) supersedes it as current.
    /// - Throws: `.invalidInput` (level, field, evidence or date out of range), `.notFound` (badge), `.conflict`
    ///   (retired).
    public func qualifyStaff(_ request: QualifyRequest, by caller: Caller) throws -> StaffProfile {
        try perform { db, log in
            try recordQualification(db, request, at: log.now, by: caller)
            try log.emit(
                Event(
                    kind: .qualificationRecorded,
                    message: "Staff \(request.badge) \(request.qualification.kind.rawValue) qualification recorded by "
                        + caller.user,
                    fields: [
                        "STAFF": request.badge, "QUALIFICATION": request.qualification.kind.rawValue,
                        "USER": caller.user,
                    ]))
            return try profile(db, badge: request.badge)
        }
    }

    /// Imports qualifications from CSV (`badge,kind,level,date,evidence[,field,reason]`), all or nothing; a row
    /// without a reason is kept with "imported from PATH".
    /// - Throws: `.invalidFile` naming the file and line of the first bad row; nothing is written then.
    public func importQualifications(csv text: String, path: String, by caller: Caller) throws -> ImportSummary {
        let table = try CSVTable(
            text: text, path: path, required: ["badge", "kind", "level", "date", "evidence"],
            allowed: ["badge", "kind", "level", "date", "evidence", "field", "reason"])
        return try perform { db, log in
            for record in table.records {
                try table.located(record) {
                    let kindText = table.value("kind", in: record) ?? ""
                    guard let kind = QualificationKind(rawValue: kindText) else {
                        throw InspectError.invalidInput(
                            "unknown kind '\(kindText)'; use one of "
                                + QualificationKind.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    let dateText = table.value("date", in: record) ?? ""
                    guard let date = CivilDate(iso: dateText) else {
                        throw InspectError.invalidInput("date '\(dateText)' is not a date (YYYY-MM-DD)")
                    }
                    let request = QualifyRequest(
                        badge: table.value("badge", in: record) ?? "",
                        qualification: Qualification(
                            kind: kind, level: table.value("level", in: record) ?? "",
                            field: table.value("field", in: record), date: date,
                            evidence: table.value("evidence", in: record) ?? ""),
                        reason: table.value("reason", in: record) ?? "imported from \(path)")
                    try ParameterCheck.validate(request)
                    try recordQualification(db, request, at: log.now, by: caller)
                }
            }
            try log.emit(
                Event(
                    kind: .qualificationsImported,
                    message: "\(table.records.count) qualifications imported from \(path) by \(caller.user)",
                    fields: ["USER": caller.user, "COUNT": String(table.records.count)]))
            return ImportSummary(path: path, rows: table.records.count)
        }
    }

    // MARK: - Shared steps

    /// Validates and appends one qualification in the current transaction.
    private func recordQualification(
        _ db: StoreTransaction, _ request: QualifyRequest, at now: Instant, by caller: Caller
    ) throws {
        let staff = try changeableStaff(db, badge: request.badge)
        let qualification = try request.qualification.validated(today: policy.zone.local(now).date)
        let reason = request.reason?.trimmingSpaces
        try StaffProfileChangeRecord.append(
            db, staffID: staff.id!,
            ProfileChange(
                aspect: qualification.kind.rawValue, value: qualification.level, field: qualification.field,
                date: qualification.date, evidence: qualification.evidence,
                reason: reason?.isEmpty == false ? reason : nil, recordedBy: caller.user, recordedAt: now))
    }

    /// The active person with `badge`.
    /// - Throws: `.notFound`, `.conflict` when they are retired.
    private func changeableStaff(_ db: StoreTransaction, badge: String) throws -> StaffRecord {
        let staff = try StaffRecord.require(db, badge: badge)
        guard staff.active else { throw InspectError.conflict("staff \(badge) is retired") }
        return staff
    }

    /// Checks and appends the level or title change `request` asks for (`value` already checked: a level, a title's
    /// code) in the current transaction; a title's name becomes the title listings show.
    func recordProfileChange(
        _ db: StoreTransaction, aspect: String, value: String, _ request: ProfileSetRequest, at now: Instant,
        by caller: Caller
    ) throws {
        var staff = try changeableStaff(db, badge: request.badge)
        let change = try profileChange(
            aspect: aspect, value: value, request, current: staff, db: db, now: now, by: caller)
        try StaffProfileChangeRecord.append(db, staffID: staff.id!, change)
        if aspect == ProfileChange.title,
            let title = policy.configuration.titles.titles.first(where: { $0.code == value })
        {
            staff.title = title.name
            try staff.update(db)
        }
    }

    /// The level or title change `request` asks for, checked: a reason, a date not after today, and a value other
    /// than the current one.
    private func profileChange(
        aspect: String, value: String, _ request: ProfileSetRequest, current staff: StaffRecord, db: StoreTransaction,
        now: Instant, by caller: Caller
    ) throws -> ProfileChange {
        let reason = request.reason.trimmingSpaces
        guard !reason.isEmpty else { throw InspectError.invalidInput("a \(aspect) change needs a reason") }
        let today = policy.zone.local(now).date
        let date = request.date ?? today
        guard date <= today else {
            throw InspectError.invalidInput("a \(aspect) change cannot take effect after today (\(today))")
        }
        if try StaffProfileChangeRecord.latest(db, staffID: staff.id, aspect: aspect)?.value == value {
            throw InspectError.conflict("staff \(request.badge) already has the \(aspect) \(value)")
        }
        let evidence = request.evidence?.trimmingSpaces
        return ProfileChange(
            aspect: aspect, value: value, field: nil, date: date, evidence: evidence?.isEmpty == false ? evidence : nil,
            reason: reason, recordedBy: caller.user, recordedAt: now)
    }

    func profile(_ db: StoreTransaction, badge: String) throws -> StaffProfile {
        let staff = try StaffRecord.require(db, badge: badge)
        let history = try StaffProfileChangeRecord.history(db, staffID: staff.id)
        let title = ProfileChange.currentTitle(history)
        return StaffProfile(
            badge: staff.badge, name: staff.name, level: ProfileChange.currentLevel(history), title: title,
            titleName: title.flatMap { code in policy.configuration.titles.titles.first { $0.code == code }?.name },
            qualifications: ProfileChange.currentQualifications(history), history: history)
    }
}
