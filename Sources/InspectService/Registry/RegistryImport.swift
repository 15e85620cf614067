import GRDB
import InspectCore
import InspectStore

extension InspectService {
    /// Imports offices from CSV (`code,name[,parent,kind,hours]`), all or nothing.
    ///
    /// A parent may be an office already in the registry or one earlier in the file.
    /// - Throws: `.invalidFile` naming the file and line of the first bad row; nothing is written then.
    public func importOffices(csv text: String, path: String, by caller: Caller) throws -> ImportSummary {
        let table = try CSVTable(
            text: text, path: path, required: ["code", "name"], allowed: ["code", "name", "parent", "kind", "hours"])
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
                    _ = try insertOffice(db, request, at: log.now)
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

    /// Imports staff from CSV (`badge,name,office[,title,category]`), all or nothing.
    /// - Throws: `.invalidFile` naming the file and line of the first bad row; nothing is written then.
    public func importStaff(csv text: String, path: String, by caller: Caller) throws -> ImportSummary {
        let table = try CSVTable(
            text: text, path: path, required: ["badge", "name", "office"],
            allowed: ["badge", "name", "office", "title", "category"])
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
                        category: category)
                    _ = try insertStaff(db, request, at: log.now, by: caller)
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

    /// The violation types inspectd knows, by code.
    public func listViolationTypes() throws -> [ViolationType] {
        try query { db in
            try ViolationTypeRecord.order(Column("code")).fetchAll(db).map(\.violationType)
        }
    }
}
