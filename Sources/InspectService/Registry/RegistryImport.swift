import InspectCore
import InspectStore

extension InspectService {
    /// Imports offices from CSV (`code,name[,parent,kind,hours,active]`), all or nothing.
    ///
    /// A parent may be an office already in the registry or one earlier in the file. `active` is `yes` (the
    /// default) or `no`: an office retired in the file it came from (an export) is imported retired, and may sit
    /// under a retired parent.
    /// - Throws: `.invalidFile` naming the file and line of the first bad row; nothing is written then.
    public func importOffices(csv text: String, path: String, by caller: Caller) throws -> ImportSummary {
        let table = try CSVTable(
            text: text, path: path, required: ["code", "name"],
            allowed: ["code", "name", "parent", "kind", "hours", "active"])
        return try perform { db, log in
            for record in table.records {
                try table.located(record) {
                    let kindText = table.value("kind", in: record) ?? OfficeKind.unit.rawValue
                    guard let kind = OfficeKind(rawValue: kindText) else {
                        throw InspectError.invalidInput(
                            "unknown kind '\(kindText)'; use one of "
                                + OfficeKind.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    let request = OfficeAddRequest(
                        code: table.value("code", in: record) ?? "", name: table.value("name", in: record) ?? "",
                        parent: table.value("parent", in: record), kind: kind,
                        hoursProfile: table.value("hours", in: record))
                    let active = try Self.activeFlag(table.value("active", in: record))
                    _ = try insertOffice(db, request, at: log.now, allowRetiredParent: !active)
                    if !active {
                        var office = try OfficeRecord.require(db, code: request.code)
                        office.active = false
                        office.retiredAt = log.now
                        try office.update(db)
                    }
                }
            }
            try log.emit(
                Event(
                    kind: .registryChanged,
                    message: "\(table.records.count) offices imported from \(path) by \(caller.user)",
                    fields: ["USER": caller.user, "CHANGE": "offices-imported", "COUNT": String(table.records.count)]))
            return ImportSummary(path: path, rows: table.records.count)
        }
    }

    /// Imports staff from CSV (`badge,name,office[,title,category,active,login]`), all or nothing; `active` as for
    /// offices (a retired person may belong to a retired office); `login` is the person's Unix user name, if any.
    /// - Throws: `.invalidFile` naming the file and line of the first bad row; nothing is written then.
    public func importStaff(csv text: String, path: String, by caller: Caller) throws -> ImportSummary {
        let table = try CSVTable(
            text: text, path: path, required: ["badge", "name", "office"],
            allowed: ["badge", "name", "office", "title", "category", "active", "login"])
        return try perform { db, log in
            for record in table.records {
                try table.located(record) {
                    let categoryText = table.value("category", in: record) ?? StaffCategory.civilServant.rawValue
                    guard let category = StaffCategory(rawValue: categoryText) else {
                        throw InspectError.invalidInput(
                            "unknown category '\(categoryText)'; use one of "
                                + StaffCategory.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    let request = StaffAddRequest(
                        badge: table.value("badge", in: record) ?? "", name: table.value("name", in: record) ?? "",
                        office: table.value("office", in: record) ?? "", title: table.value("title", in: record),
                        category: category, login: table.value("login", in: record))
                    let active = try Self.activeFlag(table.value("active", in: record))
                    _ = try insertStaff(db, request, at: log.now, by: caller, allowRetiredOffice: !active)
                    if !active { try retireImported(db, badge: request.badge, at: log.now) }
                }
            }
            try log.emit(
                Event(
                    kind: .registryChanged,
                    message: "\(table.records.count) staff imported from \(path) by \(caller.user)",
                    fields: ["USER": caller.user, "CHANGE": "staff-imported", "COUNT": String(table.records.count)]))
            return ImportSummary(path: path, rows: table.records.count)
        }
    }

    /// The `active` column of an import: `yes` (or absent) or `no`.
    static func activeFlag(_ text: String?) throws -> Bool {
        switch text {
        case nil, "yes": return true
        case "no": return false
        case let other?: throw InspectError.invalidInput("active must be yes or no, not '\(other)'")
        }
    }

    /// Marks an imported person retired, ending their office history at once.
    private func retireImported(_ db: StoreTransaction, badge: String, at now: Instant) throws {
        var staff = try StaffRecord.require(db, badge: badge)
        staff.active = false
        staff.retiredAt = now
        try staff.update(db)
        try StaffAssignmentRecord.endAll(db, staffID: staff.id, at: now)
    }

    /// The violation types inspectd knows, by code.
    public func listViolationTypes() throws -> [ViolationType] {
        try query { db in
            try ViolationTypeRecord.byCode(db)
        }
    }
}
