import InspectCore
import InspectStore

extension InspectService {
    /// Imports levels and titles from CSV (`badge,aspect,value,date,reason[,evidence]`, aspect `level` or `title`),
    /// all or nothing, each row checked as `staff level` and `staff title` check it; rows of one person apply in the
    /// file's order, so a file may give a career's changes oldest first.
    /// - Throws: `.invalidFile` naming the file and line of the first bad row; nothing is written then.
    public func importProfile(csv text: String, path: String, by caller: Caller) throws -> ImportSummary {
        let table = try CSVTable(
            text: text, path: path, required: ["badge", "aspect", "value", "date", "reason"],
            allowed: ["badge", "aspect", "value", "date", "reason", "evidence"])
        let titles = policy.configuration.titles
        return try perform { db, log in
            for record in table.records {
                try table.located(record) {
                    let aspect = table.value("aspect", in: record) ?? ""
                    let value = table.value("value", in: record) ?? ""
                    switch aspect {
                    case ProfileChange.level:
                        guard StaffLevel(rawValue: value) != nil else {
                            throw InspectError.invalidInput(
                                "unknown level '\(value)'; use one of "
                                    + StaffLevel.allCases.map(\.rawValue).joined(separator: ", "))
                        }
                    case ProfileChange.title: _ = try titles.require(value)
                    default:
                        throw InspectError.invalidInput("unknown aspect '\(aspect)'; use level or title")
                    }
                    let dateText = table.value("date", in: record) ?? ""
                    guard let date = CivilDate(iso: dateText) else {
                        throw InspectError.invalidInput("date '\(dateText)' is not a date (YYYY-MM-DD)")
                    }
                    let request = ProfileSetRequest(
                        badge: table.value("badge", in: record) ?? "", value: value, date: date,
                        reason: table.value("reason", in: record) ?? "", evidence: table.value("evidence", in: record))
                    try ParameterCheck.validate(request)
                    try recordProfileChange(db, aspect: aspect, value: value, request, at: log.now, by: caller)
                }
            }
            try log.emit(
                Event(
                    kind: .profileImported,
                    message: "\(table.records.count) levels and titles imported from \(path) by \(caller.user)",
                    fields: ["USER": caller.user, "COUNT": String(table.records.count)]))
            return ImportSummary(path: path, rows: table.records.count)
        }
    }
}
