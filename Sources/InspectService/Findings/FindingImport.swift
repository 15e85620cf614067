import InspectCore
import InspectStore

extension InspectService {
    /// Imports findings from CSV (`inspection,type[,staff,observed_at,arrived,left,note]`) into open inspections,
    /// all or nothing, with the same checks as `logFinding`.
    ///
    /// Paper records typed in after the visit are the use: `observed_at` (local `YYYY-MM-DD HH:MM` or ISO 8601)
    /// defaults to now. One `findings-imported` event reports the batch instead of one event per row.
    /// - Throws: `.invalidFile` naming the file and line of the first bad row; nothing is written then.
    public func importFindings(csv text: String, path: String, by caller: Caller) throws -> ImportSummary {
        let table = try CSVTable(
            text: text, path: path, required: ["inspection", "type"],
            allowed: ["inspection", "type", "staff", "observed_at", "arrived", "left", "note"])
        return try perform { db, log in
            let appended = try appendImportedFindings(db, table, now: log.now, user: caller.user, restoring: [])
            let inspections = appended.inspections
            try log.emit(
                Event(
                    kind: .findingsImported,
                    message:
                        "\(table.records.count) findings imported from \(path) into \(inspections.count) inspections "
                        + "by \(caller.user)",
                    fields: try Self.chainFields(db, appended.ids).merging([
                        "USER": caller.user, "COUNT": String(table.records.count),
                    ]) { $1 }))
            let raised = try raiseEscalations(db, log: &log, triggers: Set(appended.ids), by: caller.user)
            return ImportSummary(path: path, rows: table.records.count, escalations: raised.count)
        }
    }

    /// The fields by which an import's one event has the journal witness the rows it appended: the first and the
    /// last, with the last one's hash (the chain links every row between).
    static func chainFields(_ db: StoreTransaction, _ ids: Range<Int64>) throws -> [String: String] {
        guard let last = ids.last,
            let hash = try FindingRecord.hash(db, id: last)
        else { return [:] }
        return ["FINDINGS_FROM": String(ids.lowerBound), "FINDING": String(last), "HASH": hash]
    }

    /// Appends the findings of `table` to the chain in the current transaction, and returns the inspections they
    /// went into and the ids they were given.
    ///
    /// - Parameter restoring: Inspections being imported in the same transaction: they may be closed already, and
    ///   their findings must then fall between their opening and closing.
    func appendImportedFindings(
        _ db: StoreTransaction, _ table: CSVTable, now: Instant, user: String, restoring: Set<Int64>
    ) throws -> (inspections: Set<Int64>, ids: Range<Int64>) {
        var context = try ImportContext(db, policy: policy, restoring: restoring)
        let insert = try FindingRecord.ImportInsert(db)
        let head = try FindingLedger.head(db)
        var prevHash = head.lastHash
        var prevDigest = Hex.decode(head.lastHash) ?? []
        var nextID = (try FindingRecord.maxID(db) ?? 0) + 1
        var inspections = Set<Int64>()
        let columns = ImportColumns(table)
        for record in table.records {
            var finding = try table.located(record) {
                try context.finding(columns: columns, record: record, id: nextID, now: now, user: user)
            }
            let digest = FindingChain.digest(finding, prevDigest: prevDigest)
            finding.prevHash = prevHash
            finding.hash = Hex.encode(digest)
            try insert.insert(finding)
            prevDigest = digest
            prevHash = finding.hash
            nextID += 1
            inspections.insert(finding.inspection)
        }
        return (inspections, (nextID - Int64(table.records.count))..<nextID)
    }
}

/// The positions of the import's columns in the file's header.
private struct ImportColumns {
    let table: CSVTable
    let inspection, type, staff, observedAt, arrived, left, note: Int?

    init(_ table: CSVTable) {
        self.table = table
        inspection = table.column("inspection")
        type = table.column("type")
        staff = table.column("staff")
        observedAt = table.column("observed_at")
        arrived = table.column("arrived")
        left = table.column("left")
        note = table.column("note")
    }

    func value(_ column: Int?, _ record: CSVTable.Record) -> String? { table.value(at: column, in: record) }
}

/// Lookups cached for the length of one import, so each row costs no extra queries.
private struct ImportContext {
    let db: StoreTransaction
    let policy: ServicePolicy
    var types: [String: ViolationType] = [:]
    var inspections: [Int64: Inspection] = [:]
    var profiles: [String: String] = [:]
    /// Each badge's assignments: start and office code, oldest first.
    var assignments: [String: [(start: Instant, office: String)]] = [:]
    var retired: Set<String> = []
    /// Inspections imported in the same transaction, which may be closed already.
    let restoring: Set<Int64>
    /// The sessions in which this file has a measured finding about a person: one per person, type and session.
    var measuredSessions: Set<SessionKey> = []

    struct SessionKey: Hashable {
        var badge: String
        var violation: String
        var day: CivilDate
        var session: TimeOfDay
    }

    init(_ db: StoreTransaction, policy: ServicePolicy, restoring: Set<Int64>) throws {
        self.db = db
        self.policy = policy
        self.restoring = restoring
        for type in try ViolationTypeRecord.all(db) { types[type.code] = type }
        for (code, profile) in try OfficeRecord.hoursProfiles(db) { profiles[code] = profile }
        for row in try StaffAssignmentRecord.all(db) {
            assignments[row.badge, default: []].append((row.start, row.office))
            if !row.active { retired.insert(row.badge) }
        }
    }

    /// The unlinked finding of one record (its hashes are set by the caller, who carries the chain along).
    mutating func finding(
        columns: ImportColumns, record: CSVTable.Record, id: Int64, now: Instant, user: String
    )
        throws -> Finding
    {
        guard let inspectionText = columns.value(columns.inspection, record), let inspectionID = Int64(inspectionText)
        else { throw InspectError.invalidInput("inspection must be a number") }
        let inspection = try inspection(inspectionID)
        guard inspection.status == .open || restoring.contains(inspectionID) else {
            throw InspectError.conflict("inspection \(inspectionID) is \(inspection.status.rawValue), not open")
        }
        let code = columns.value(columns.type, record) ?? ""
        guard let type = types[code] else {
            throw InspectError.invalidInput(
                "no violation type '\(code)'; known types: \(types.keys.sorted().joined(separator: ", "))")
        }
        let observedAt =
            try columns.value(columns.observedAt, record).map { try InputLimits.storedInstant($0, in: policy.zone) }
            ?? now
        guard observedAt <= now.adding(seconds: 60) else {
            throw InspectError.invalidInput("a finding cannot be observed in the future")
        }
        if restoring.contains(inspectionID) {
            guard let opened = inspection.openedAt, observedAt >= opened,
                observedAt <= inspection.closedAt ?? observedAt
            else {
                throw InspectError.invalidInput(
                    "a finding of inspection \(inspectionID) must be observed while it was open")
            }
        }
        let staff = columns.value(columns.staff, record)
        if let staff {
            // A restored finding may name someone retired since.
            try checkStaff(
                staff, office: inspection.office, at: observedAt, allowRetired: restoring.contains(inspectionID))
        }
        let arrived = try columns.value(columns.arrived, record).map { try Self.clock($0, "arrived") }
        let left = try columns.value(columns.left, record).map { try Self.clock($0, "left") }
        let local = policy.zone.local(observedAt)
        let measurement = try Measurement(
            type, arrived: arrived, left: left,
            hours: try policy.hours(profile: profiles[inspection.office] ?? HoursProfile.defaultName, on: local.date),
            observed: local.time)
        if let staff, let session = measurement.session {
            let key = SessionKey(badge: staff, violation: code, day: local.date, session: session.start)
            guard measuredSessions.insert(key).inserted else {
                throw InspectError.invalidInput(
                    "staff \(staff) has another \(code) row in the \(session) session of \(local.date) in this file")
            }
            try FindingDetails.requireFirst(
                db, type: type, badge: staff, day: local.date, session: session, policy: policy, replacing: nil)
        }
        let clockTime = measurement.clockTime
        let minutes = measurement.minutes
        return Finding(
            id: id, inspection: inspectionID, violation: code, staff: staff, observedAt: observedAt,
            clockTime: clockTime, minutes: minutes, note: columns.value(columns.note, record), recordedBy: user,
            recordedAt: now, action: .record, corrects: nil, reason: nil)
    }

    private mutating func inspection(_ id: Int64) throws -> Inspection {
        if let cached = inspections[id] { return cached }
        let inspection = try InspectionRecord.value(db, id: id)
        inspections[id] = inspection
        return inspection
    }

    private func checkStaff(_ badge: String, office: String, at instant: Instant, allowRetired: Bool) throws {
        guard let history = assignments[badge] else { throw InspectError.notFound(kind: "staff badge", key: badge) }
        guard allowRetired || !retired.contains(badge) else { throw InspectError.conflict("staff \(badge) is retired") }
        let then = history.last(where: { $0.start <= instant }) ?? history[0]
        guard then.office == office else {
            throw InspectError.invalidInput("staff \(badge) worked in \(then.office) then, not in \(office)")
        }
    }

    private static func clock(_ text: String, _ column: String) throws -> TimeOfDay {
        guard let time = TimeOfDay(parsing: text) else {
            throw InspectError.invalidInput("\(column) '\(text)' is not a time HH:MM")
        }
        return time
    }
}
