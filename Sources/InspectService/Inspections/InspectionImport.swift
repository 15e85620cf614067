import InspectCore
import InspectStore

/// What an inspection import wrote.
public struct InspectionImportSummary: Codable, Sendable, Hashable {
    public var inspections: ImportSummary
    public var findings: ImportSummary?
}

extension InspectService {
    /// The columns of an inspections file, as `export inspections` writes them and `inspection import` reads them.
    public static let inspectionColumns = [
        "id", "office", "kind", "status", "plan", "due_at", "window_end", "team", "opened_at", "opened_by",
        "closed_at", "closed_by", "checked", "cancel_reason",
    ]

    /// Imports inspections (and, optionally, the findings made in them) from CSV, all or nothing: the way back for
    /// `inspectctl export inspections` and `export findings`, to restore a record in another database.
    ///
    /// Each inspection keeps the id the file gives (refused if taken), its status, times, team and staff checked;
    /// its creation is recorded as this import. Findings may go into the inspections of the file whatever their
    /// status (observed while they were open) or into inspections already open; they are appended to the chain with
    /// the checks of `finding import`. A closed inspection must have checked at least the staff its findings name.
    /// - Throws: `.invalidFile` naming the file and line of the first bad row; nothing is written then.
    public func importInspections(
        csv text: String, path: String, findings: (text: String, path: String)?, by caller: Caller
    ) throws -> InspectionImportSummary {
        let table = try CSVTable(
            text: text, path: path, required: ["id", "office", "kind", "status"], allowed: Self.inspectionColumns)
        let findingTable = try findings.map {
            try CSVTable(
                text: $0.text, path: $0.path, required: ["inspection", "type"],
                allowed: ["inspection", "type", "staff", "observed_at", "arrived", "left", "note"])
        }
        return try perform { db, log in
            var imported = Set<Int64>()
            for record in table.records {
                let id = try table.located(record) {
                    try insertImported(db, table, record, now: log.now, user: caller.user)
                }
                imported.insert(id)
            }
            var appended: Range<Int64> = 0..<0
            if let findingTable {
                appended = try appendImportedFindings(
                    db, findingTable, now: log.now, user: caller.user, restoring: imported
                ).ids
            }
            for record in table.records {
                try table.located(record) { try checkStaffCovered(db, id: Int64(table.value("id", in: record)!)!) }
            }
            let findingCount = findingTable?.records.count ?? 0
            try log.emit(
                Event(
                    kind: .inspectionsImported,
                    message:
                        "\(table.records.count) inspections and \(findingCount) findings imported from \(path)"
                        + (findings.map { " and \($0.path)" } ?? "") + " by \(caller.user)",
                    fields: try Self.chainFields(db, appended).merging([
                        "USER": caller.user, "COUNT": String(table.records.count), "FINDINGS": String(findingCount),
                    ]) { $1 }))
            return InspectionImportSummary(
                inspections: ImportSummary(path: path, rows: table.records.count),
                findings: findings.map { ImportSummary(path: $0.path, rows: findingCount) })
        }
    }

    /// Validates one row and inserts it under its own id.
    private func insertImported(
        _ db: StoreTransaction, _ table: CSVTable, _ record: CSVTable.Record, now: Instant, user: String
    )
        throws -> Int64
    {
        func value(_ column: String) -> String? { table.value(column, in: record) }
        func instant(_ column: String) throws -> Instant? {
            try value(column).map { try InputLimits.storedInstant($0, in: policy.zone) }
        }
        guard let idText = value("id"), let id = Int64(idText), id > 0 else {
            throw InspectError.invalidInput("id must be a positive number")
        }
        if try InspectionRecord.find(db, id: id) != nil {
            throw InspectError.duplicate(kind: "inspection", key: String(id))
        }
        let office = try OfficeRecord.require(db, code: value("office") ?? "")
        let kind = try Self.parse(InspectionKind.self, value("kind"), "kind")
        let status = try Self.parse(InspectionStatus.self, value("status"), "status")
        // The id range of waiting surprises is theirs alone (`InspectionIDs`); a file exported before that range
        // existed may still give one an ordinary id.
        guard !InspectionIDs.isSecret(id) || (kind == .surprise && status == .scheduled) else {
            throw InspectError.invalidInput(
                "id \(id): ids from \(InspectionIDs.secretBase) on are those of surprise inspections still scheduled")
        }
        let dueAt = try instant("due_at")
        let openedAt = try instant("opened_at")
        let closedAt = try instant("closed_at")
        let checked = try value("checked").map { text in
            guard let count = Int(text), count >= 0 else {
                throw InspectError.invalidInput("checked must be 0 or more, not '\(text)'")
            }
            return count
        }
        let cancelReason = value("cancel_reason")
        guard office.active || status.isFinal else {
            throw InspectError.conflict("office \(office.code) is retired; only finished inspections can be imported")
        }
        switch status {
        case .open, .closed:
            guard let openedAt else {
                throw InspectError.invalidInput("an \(status.rawValue) inspection needs opened_at")
            }
            guard openedAt <= now.adding(seconds: 60) else {
                throw InspectError.invalidInput("an inspection cannot be opened in the future")
            }
        case .scheduled, .due, .missed:
            guard dueAt != nil else { throw InspectError.invalidInput("a \(status.rawValue) inspection needs due_at") }
        case .cancelled:
            guard cancelReason != nil else {
                throw InspectError.invalidInput("a cancelled inspection needs cancel_reason")
            }
        }
        guard (status == .closed) == (checked != nil) else {
            throw InspectError.invalidInput("checked is given for closed inspections, and only for them")
        }
        if status == .closed, closedAt == nil { throw InspectError.invalidInput("a closed inspection needs closed_at") }
        if let openedAt, let closedAt, closedAt < openedAt {
            throw InspectError.invalidInput("an inspection cannot close before it opened")
        }
        if status == .open,
            let open = try InspectionRecord.open(db, officeID: office.id)
        {
            throw InspectError.conflict("inspection \(open.id!) of \(office.code) is already open")
        }
        if kind == .planned, let plan = value("plan"), let dueAt,
            try InspectionRecord.hasPlanned(db, plan: plan, officeID: office.id, dueAt: dueAt)
        {
            throw InspectError.duplicate(
                kind: "planned inspection", key: "\(plan) of \(office.code) due \(policy.zone.display(dueAt))")
        }
        var inserted = InspectionRecord(
            id: id, officeId: office.id!, kind: kind, status: status, plan: value("plan"), dueAt: dueAt,
            windowEnd: try instant("window_end"), team: value("team"), openedAt: openedAt,
            openedBy: value("opened_by"), createdAt: now, createdBy: user)
        inserted.closedAt = closedAt
        inserted.closedBy = value("closed_by")
        inserted.checked = checked
        inserted.cancelReason = cancelReason
        try inserted.insert(db)
        return id
    }

    /// The rule of `inspection close`, checked again once an imported inspection has its findings.
    private func checkStaffCovered(_ db: StoreTransaction, id: Int64) throws {
        guard let record = try InspectionRecord.find(db, id: id), let checked = record.checked else { return }
        let named = try FindingRecord.namedStaffCount(db, inspection: id)
        guard checked >= named else {
            throw InspectError.invalidInput(
                "checked \(checked) is less than the \(named) staff with findings in inspection \(id)")
        }
    }

    private static func parse<T: RawRepresentable & CaseIterable>(
        _ type: T.Type, _ text: String?, _ column: String
    )
        throws -> T where T.RawValue == String
    {
        guard let text, let value = T(rawValue: text) else {
            throw InspectError.invalidInput(
                "\(column) must be one of " + T.allCases.map(\.rawValue).joined(separator: ", ")
                    + ", not '\(text ?? "")'")
        }
        return value
    }
}
