import InspectCore
import InspectStore

extension InspectService {
    /// Adds an office.
    /// - Throws: `.invalidInput` (bad code or name), `.duplicate`, `.notFound` (parent), `.conflict` (retired parent).
    public func addOffice(_ request: OfficeAddRequest, by caller: Caller) throws -> Office {
        try perform { db, log in
            let office = try insertOffice(db, request, at: log.now)
            try log.emit(
                Event(
                    kind: .registryChanged,
                    message: "Office \(office.code) (\(office.name)) added by \(caller.user)",
                    fields: ["OFFICE": office.code, "USER": caller.user, "CHANGE": "office-added"]))
            return office
        }
    }

    /// The offices, in code order; retired ones only when asked.
    public func listOffices(includeRetired: Bool = false) throws -> [Office] {
        try query { db in try OfficeRecord.values(db, includeRetired: includeRetired) }
    }

    /// One office with its staff count, sub-offices, inspection history summary and recent violation rate. Secret
    /// inspections (surprises and follow-ups not yet due) are counted for administrators only.
    public func showOffice(code: String, as caller: Caller) throws -> OfficeDetail {
        let now = clock()
        return try query { db in
            let office = try OfficeRecord.value(db, code: code)
            let record = try OfficeRecord.require(db, code: code)
            let activeStaff = try StaffRecord.activeCount(db, officeID: record.id)
            let children = try OfficeRecord.activeChildCodes(db, of: record.id)
            let counts = try InspectionRecord.statusCounts(
                db, officeID: record.id, includeSecret: caller.role == .admin)
            let last = try InspectionRecord.lastOpened(db, officeID: record.id)
            let since = riskWindowStart(at: now)
            let rate = try riskRates(db, since: since)[code] ?? .unknown
            return OfficeDetail(
                office: office, activeStaff: activeStaff, children: children, inspections: counts,
                lastInspection: last,
                risk: OfficeRisk(windowDays: policy.configuration.riskWindowDays, since: since, rate: rate))
        }
    }

    /// Retires an office: it stays in the record but takes no new staff or inspections.
    /// - Throws: `.conflict` while it has active staff, active sub-offices or unfinished inspections.
    public func retireOffice(code: String, by caller: Caller) throws -> Office {
        try perform { db, log in
            var record = try OfficeRecord.require(db, code: code)
            guard record.active else { throw InspectError.conflict("office \(code) is already retired") }
            let staff = try StaffRecord.activeCount(db, officeID: record.id)
            guard staff == 0 else {
                throw InspectError.conflict("office \(code) still has \(staff) active staff; move or retire them first")
            }
            let children = try OfficeRecord.activeChildCount(db, of: record.id)
            guard children == 0 else {
                throw InspectError.conflict(
                    "office \(code) still has \(children) active sub-offices; retire them first")
            }
            let pending = try InspectionRecord.unfinishedCount(db, officeID: record.id)
            guard pending == 0 else {
                throw InspectError.conflict(
                    "office \(code) has \(pending) scheduled, due or open inspections; close or cancel them first")
            }
            record.active = false
            record.retiredAt = log.now
            try record.update(db)
            try log.emit(
                Event(
                    kind: .registryChanged, message: "Office \(code) retired by \(caller.user)",
                    fields: ["OFFICE": code, "USER": caller.user, "CHANGE": "office-retired"]))
            return try officeValue(db, code: code)
        }
    }

    /// Validates and inserts one office in the current transaction.
    func insertOffice(
        _ db: StoreTransaction, _ request: OfficeAddRequest, at now: Instant, allowRetiredParent: Bool = false
    ) throws -> Office {
        try Codes.validate(request.code, as: "office code")
        let name = request.name.trimmingSpaces
        guard !name.isEmpty else { throw InspectError.invalidInput("office name must not be empty") }
        let profile = request.hoursProfile ?? HoursProfile.defaultName
        guard policy.calendar.profiles[profile] != nil else {
            throw InspectError.invalidInput(
                "no hours profile '\(profile)' in the configuration; configured: "
                    + policy.calendar.profileNames.joined(separator: ", "))
        }
        if try OfficeRecord.find(db, code: request.code) != nil {
            throw InspectError.duplicate(kind: "office", key: request.code)
        }
        var parentID: Int64?
        if let parentCode = request.parent {
            let parent = try OfficeRecord.require(db, code: parentCode)
            guard parent.active || allowRetiredParent else {
                throw InspectError.conflict("parent office \(parentCode) is retired")
            }
            parentID = parent.id
        }
        var record = OfficeRecord(
            code: request.code, name: name, parentId: parentID, kind: request.kind, hoursProfile: profile,
            createdAt: now)
        try record.insert(db)
        return Office(
            code: record.code, name: record.name, parent: request.parent, kind: record.kind,
            hoursProfile: record.hoursProfile)
    }

    func officeValue(_ db: StoreTransaction, code: String) throws -> Office {
        try OfficeRecord.value(db, code: code)
    }
}
