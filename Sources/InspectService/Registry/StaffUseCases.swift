import InspectCore
import InspectStore

extension InspectService {
    /// Adds a person, starting their office history.
    /// - Throws: `.invalidInput`, `.duplicate` (badge), `.notFound` (office), `.conflict` (retired office).
    public func addStaff(_ request: StaffAddRequest, by caller: Caller) throws -> Staff {
        try perform { db, log in
            let staff = try insertStaff(db, request, at: log.now, by: caller)
            try log.emit(
                Event(
                    kind: .registryChanged,
                    message: "Staff \(staff.badge) (\(staff.name)) added to \(staff.office) by \(caller.user)",
                    fields: [
                        "STAFF": staff.badge, "OFFICE": staff.office, "USER": caller.user, "CHANGE": "staff-added",
                    ]))
            return staff
        }
    }

    /// The staff, by badge; optionally of one office, only `badge`, after the badge `after`, at most `limit` of
    /// them; retired ones only when asked.
    public func listStaff(
        office: String? = nil, includeRetired: Bool = false, badge: String? = nil, after: String? = nil,
        limit: Int? = nil
    ) throws -> [Staff] {
        try query { db in
            if let office { _ = try OfficeRecord.require(db, code: office) }
            return try StaffRecord.values(
                db, badge: badge, after: after, office: office, includeRetired: includeRetired, limit: limit)
        }
    }

    /// One person with their office history.
    public func showStaff(badge: String) throws -> StaffDetail {
        try query { db in try staffDetail(db, badge: badge) }
    }

    /// Moves a person to another office from `at` (default now), keeping the history.
    public func moveStaff(
        badge: String, to officeCode: String, at: Instant? = nil, by caller: Caller
    ) throws
        -> StaffDetail
    {
        try perform { db, log in
            var staff = try StaffRecord.require(db, badge: badge)
            guard staff.active else { throw InspectError.conflict("staff \(badge) is retired") }
            let office = try OfficeRecord.require(db, code: officeCode)
            guard office.active else { throw InspectError.conflict("office \(officeCode) is retired") }
            guard office.id != staff.officeId else {
                throw InspectError.conflict("staff \(badge) already works in \(officeCode)")
            }
            let when = at ?? log.now
            let current = try StaffAssignmentRecord.current(db, staffID: staff.id)
            if var current {
                guard when >= current.startedAt else {
                    throw InspectError.invalidInput(
                        "the move cannot be before the current assignment started (\(policy.zone.local(current.startedAt)))"
                    )
                }
                current.endedAt = when
                try current.update(db)
            }
            var next = StaffAssignmentRecord(
                staffId: staff.id!, officeId: office.id!, startedAt: when, recordedBy: caller.user)
            try next.insert(db)
            let from = try OfficeRecord.find(db, id: staff.officeId)?.code ?? "?"
            staff.officeId = office.id!
            try staff.update(db)
            try log.emit(
                Event(
                    kind: .registryChanged,
                    message: "Staff \(badge) moved from \(from) to \(officeCode) by \(caller.user)",
                    fields: ["STAFF": badge, "OFFICE": officeCode, "USER": caller.user, "CHANGE": "staff-moved"]))
            return try staffDetail(db, badge: badge)
        }
    }

    /// Retires a person: they stay in the record (and in past findings) but can no longer be recorded.
    public func retireStaff(badge: String, by caller: Caller) throws -> StaffDetail {
        try perform { db, log in
            var staff = try StaffRecord.require(db, badge: badge)
            guard staff.active else { throw InspectError.conflict("staff \(badge) is already retired") }
            staff.active = false
            staff.retiredAt = log.now
            try staff.update(db)
            try StaffAssignmentRecord.endCurrent(db, staffID: staff.id, at: log.now)
            try log.emit(
                Event(
                    kind: .registryChanged, message: "Staff \(badge) retired by \(caller.user)",
                    fields: ["STAFF": badge, "USER": caller.user, "CHANGE": "staff-retired"]))
            return try staffDetail(db, badge: badge)
        }
    }

    /// Validates and inserts one person in the current transaction.
    func insertStaff(
        _ db: StoreTransaction, _ request: StaffAddRequest, at now: Instant, by caller: Caller,
        allowRetiredOffice: Bool = false
    ) throws -> Staff {
        try Codes.validate(request.badge, as: "badge")
        let name = request.name.trimmingSpaces
        guard !name.isEmpty else { throw InspectError.invalidInput("staff name must not be empty") }
        if try StaffRecord.find(db, badge: request.badge) != nil {
            throw InspectError.duplicate(kind: "staff badge", key: request.badge)
        }
        let office = try OfficeRecord.require(db, code: request.office)
        guard office.active || allowRetiredOffice else {
            throw InspectError.conflict("office \(request.office) is retired")
        }
        if let login = request.login { try requireFreeLogin(db, login) }
        let title = request.title?.trimmingSpaces
        var record = StaffRecord(
            badge: request.badge, name: name, officeId: office.id!, title: title?.isEmpty == false ? title : nil,
            category: request.category, createdAt: now, login: request.login)
        try record.insert(db)
        var assignment = StaffAssignmentRecord(
            staffId: record.id!, officeId: office.id!, startedAt: now, recordedBy: caller.user)
        try assignment.insert(db)
        return Staff(
            badge: record.badge, name: record.name, office: office.code, title: record.title,
            category: record.category, login: record.login)
    }

    /// Checks that `login` is a user name no one else has.
    /// - Throws: `.invalidInput`, `.conflict` naming the person who has it.
    func requireFreeLogin(_ db: StoreTransaction, _ login: String) throws {
        try Logins.validate(login)
        if let holder = try StaffRecord.find(db, login: login) {
            throw InspectError.conflict("login \(login) is already linked to staff \(holder.badge)")
        }
    }

    func staffDetail(_ db: StoreTransaction, badge: String) throws -> StaffDetail {
        let staff = try StaffRecord.value(db, badge: badge)
        let officeName = try OfficeRecord.name(db, code: staff.office)
        let history = try StaffRecord.assignments(db, badge: badge).map {
            Assignment(office: $0.office, from: $0.from, until: $0.until)
        }
        let findings = try FindingRecord.currentCount(db, staff: badge)
        return StaffDetail(staff: staff, officeName: officeName ?? "", history: history, findings: findings)
    }
}
