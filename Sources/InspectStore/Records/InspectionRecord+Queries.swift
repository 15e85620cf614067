import GRDB
import InspectCore

/// Reads inspections into domain values, resolving ids to the codes people use.
extension InspectionRecord {
    /// Surprise and follow-up inspections that are still scheduled are secret.
    package static let notSecret: SQL =
        "NOT (i.kind IN \([InspectionKind.surprise, .followUp]) AND i.status = \(InspectionStatus.scheduled))"

    /// When an inspection happened: opened, else due, else created (indexed by `inspection_reference`).
    package static let reference = "coalesce(i.opened_at, i.due_at, i.created_at)"

    package static let valueSelect = """
        SELECT i.*, o.code AS office_code FROM inspection i JOIN office o ON o.id = i.office_id
        """

    package static func value(_ row: Row) -> Inspection {
        Inspection(
            id: row["id"], office: row["office_code"], kind: row["kind"], status: row["status"], plan: row["plan"],
            dueAt: row["due_at"], windowEnd: row["window_end"], team: row["team"], openedAt: row["opened_at"],
            openedBy: row["opened_by"], closedAt: row["closed_at"], closedBy: row["closed_by"],
            checked: row["checked"], cancelReason: row["cancel_reason"], follows: row["follows_id"])
    }

    /// The inspection `id`.
    /// - Throws: `InspectError.notFound` naming the id.
    package static func value(_ transaction: StoreTransaction, id: Int64) throws -> Inspection {
        guard let row = try Row.fetchOne(transaction.db, sql: valueSelect + " WHERE i.id = ?", arguments: [id]) else {
            throw InspectError.notFound(kind: "inspection", key: String(id))
        }
        return value(row)
    }

    /// How many inspections have this status.
    package static func count(_ transaction: StoreTransaction, status: InspectionStatus) throws -> Int {
        try Int.fetchOne(transaction.db, sql: "SELECT count(*) FROM inspection WHERE status = ?", arguments: [status])
            ?? 0
    }

    /// The next planned inspection (surprises are never shown before they are due).
    package static func nextPlanned(_ transaction: StoreTransaction) throws -> Inspection? {
        try Row.fetchOne(
            transaction.db,
            SQLRequest(
                literal: SQL(sql: valueSelect)
                    + " WHERE i.status = \(InspectionStatus.scheduled) AND i.kind = \(InspectionKind.planned)"
                    + " ORDER BY i.due_at LIMIT 1")
        ).map(value)
    }

    /// What the scheduler must know at `now`: due inspections, scheduled ones whose instant has come, and the next
    /// scheduled ones (the scheduler arms its timer for the earliest instant to come, so the later ones change
    /// nothing). A wake-up thus reads a handful of rows, not the whole schedule.
    package static func agendaItems(_ transaction: StoreTransaction, at now: Instant) throws -> [Agenda.Item] {
        let due = InspectionStatus.due
        let scheduled = InspectionStatus.scheduled
        let request: SQLRequest<Row> = """
            SELECT id, status, due_at, window_end FROM inspection WHERE status = \(due)
            UNION ALL
            SELECT id, status, due_at, window_end FROM inspection WHERE status = \(scheduled) AND due_at <= \(now)
            UNION ALL
            SELECT id, status, due_at, window_end FROM inspection WHERE status = \(scheduled) AND due_at = (
                SELECT min(due_at) FROM inspection WHERE status = \(scheduled) AND due_at > \(now))
            """
        return try request.fetchAll(transaction.db).map { row in
            Agenda.Item(id: row["id"], status: row["status"], dueAt: row["due_at"], windowEnd: row["window_end"])
        }
    }

    /// How many inspections of the office `id` there are by status; secret ones only when asked.
    package static func statusCounts(
        _ transaction: StoreTransaction, officeID id: Int64?, includeSecret: Bool
    ) throws -> [String: Int] {
        var sql: SQL = "SELECT i.status, count(*) AS n FROM inspection i WHERE i.office_id = \(id)"
        if !includeSecret { sql += " AND " + notSecret }
        sql += " GROUP BY i.status"
        return Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(transaction.db, SQLRequest(literal: sql)).map {
                ($0["status"], $0["n"])
            })
    }

    /// The office `id`'s inspection opened last.
    package static func lastOpened(_ transaction: StoreTransaction, officeID id: Int64?) throws -> Inspection? {
        try Row.fetchOne(
            transaction.db,
            sql: valueSelect
                + " WHERE i.office_id = ? AND i.opened_at IS NOT NULL ORDER BY i.opened_at DESC, i.id DESC LIMIT 1",
            arguments: [id]
        ).map(value)
    }
}

// MARK: - Listings

extension InspectionRecord {
    /// Inspections with this status, of the office `office`, happened in `[from, to)` (``reference``), after the
    /// inspection `after` (by id when `byID`, else by when it happened), oldest first (by id when `byID`), at most
    /// `limit` of them when there is one; secret ones only when asked.
    package static func values(
        _ transaction: StoreTransaction, status: InspectionStatus?, office: String?, from: Instant?, to: Instant?,
        after: Int64?,
        byID: Bool, includeSecret: Bool, limit: Int?
    ) throws -> [Inspection] {
        var conditions: [SQL] = []
        if let status { conditions.append("i.status = \(status)") }
        if let office { conditions.append("o.code = \(office)") }
        if let from { conditions.append(SQL(sql: "\(reference) >= ?", arguments: [from.seconds])) }
        if let to { conditions.append(SQL(sql: "\(reference) < ?", arguments: [to.seconds])) }
        if let after {
            if byID {
                conditions.append("i.id > \(after)")
            } else {
                conditions.append(
                    SQL(
                        sql: "(\(reference), i.id) > ((SELECT \(reference) FROM inspection i WHERE i.id = ?), ?)",
                        arguments: [after, after]))
            }
        }
        if !includeSecret { conditions.append(notSecret) }
        let whereClause: SQL = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let order = byID ? "i.id" : "\(reference), i.id"
        let sql =
            SQL(sql: valueSelect) + whereClause + SQL(sql: " ORDER BY \(order)" + (limit.map { " LIMIT \($0)" } ?? ""))
        return try Row.fetchAll(transaction.db, SQLRequest(literal: sql)).map(value)
    }

    /// The inspections scheduled or due in `[from, to)`, by due instant; secret ones only when asked.
    package static func upcoming(
        _ transaction: StoreTransaction, from: Instant, to: Instant, includeSecret: Bool
    ) throws -> [Inspection] {
        var sql =
            SQL(sql: valueSelect)
            + " WHERE i.status IN \([InspectionStatus.scheduled, .due]) AND i.due_at >= \(from.seconds)"
            + " AND i.due_at < \(to.seconds)"
        if !includeSecret { sql += " AND " + notSecret }
        return try Row.fetchAll(transaction.db, SQLRequest(literal: sql + " ORDER BY i.due_at, o.code")).map(value)
    }

    /// Planned inspections due in `[from, to)`, with their office's name, by due instant.
    package static func planned(
        _ transaction: StoreTransaction, from: Instant?, to: Instant?
    ) throws -> [(inspection: Inspection, officeName: String)] {
        var conditions: [SQL] = ["i.kind = \(InspectionKind.planned)", "i.due_at IS NOT NULL"]
        if let from { conditions.append("i.due_at >= \(from.seconds)") }
        if let to { conditions.append("i.due_at < \(to.seconds)") }
        let request: SQLRequest<Row> = """
            SELECT i.*, o.code AS office_code, o.name AS office_name
            FROM inspection i JOIN office o ON o.id = i.office_id
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY i.due_at, i.id
            """
        return try request.fetchAll(transaction.db).map { (value($0), $0["office_name"]) }
    }

    /// The office's inspections that are not scheduled, by id.
    package static func unscheduled(_ transaction: StoreTransaction, office: String) throws -> [Inspection] {
        try Row.fetchAll(
            transaction.db,
            SQLRequest(
                literal: SQL(sql: valueSelect)
                    + " WHERE o.code = \(office) AND i.status <> \(InspectionStatus.scheduled) ORDER BY i.id")
        ).map(value)
    }

    /// The first follow-up of the inspection `id`.
    package static func followUp(_ transaction: StoreTransaction, of id: Int64) throws -> Int64? {
        try Int64.fetchOne(
            transaction.db, sql: "SELECT id FROM inspection WHERE follows_id = ? ORDER BY id LIMIT 1", arguments: [id])
    }
}

// MARK: - Planning

extension InspectionRecord {
    /// Violations and staff checked, by office code, over the inspections closed since `since`: the figures of the
    /// risk rates.
    package static func riskFigures(
        _ transaction: StoreTransaction, closedSince since: Instant
    ) throws -> [(office: String, violations: Int, checked: Int?)] {
        let closed = InspectionStatus.closed
        let request: SQLRequest<Row> = """
            SELECT o.code, sum(i.checked) AS checked,
                (SELECT count(*) FROM finding f JOIN inspection j ON j.id = f.inspection_id
                 WHERE j.office_id = o.id AND j.status = \(closed) AND j.closed_at >= \(since.seconds)
                   AND \(FindingRecord.isCurrent)) AS violations
            FROM inspection i JOIN office o ON o.id = i.office_id
            WHERE i.status = \(closed) AND i.closed_at >= \(since.seconds)
            GROUP BY o.id
            """
        return try request.fetchAll(transaction.db).map { ($0["code"], $0["violations"], $0["checked"]) }
    }

    /// The visits that were not cancelled, opened (else due) between `from` and `to` included.
    package static func visits(_ transaction: StoreTransaction, from: Instant, to: Instant) throws -> [VisitRecord] {
        let request: SQLRequest<Row> = """
            SELECT o.code, coalesce(i.opened_at, i.due_at) AS at, i.team
            FROM inspection i JOIN office o ON o.id = i.office_id
            WHERE i.status <> \(InspectionStatus.cancelled) AND coalesce(i.opened_at, i.due_at) BETWEEN \(from.seconds)
                AND \(to.seconds)
            """
        return try request.fetchAll(transaction.db).map {
            VisitRecord(office: $0["code"], at: $0["at"], team: $0["team"])
        }
    }

    /// The inspections of the surprise draw `id`, by due instant and office code.
    package static func drawn(
        _ transaction: StoreTransaction, draw id: Int64?
    ) throws -> [(id: Int64, office: String, dueAt: Instant, team: String?)] {
        try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT i.id, o.code, i.due_at, i.team FROM inspection i JOIN office o ON o.id = i.office_id
                WHERE i.draw_id = ? ORDER BY i.due_at, o.code
                """,
            arguments: [id]
        ).map { ($0["id"], $0["code"], $0["due_at"], $0["team"]) }
    }

    /// The planned inspections due from `now` on that hold their place (not cancelled as stale), whatever their
    /// state.
    package static func plannedFrom(
        _ transaction: StoreTransaction, _ now: Instant
    ) throws -> [(id: Int64, plan: String, dueAt: Instant, status: InspectionStatus, office: String)] {
        let request: SQLRequest<Row> = """
            SELECT i.id, i.plan, i.due_at, i.status, o.code FROM inspection i JOIN office o ON o.id = i.office_id
            WHERE i.kind = \(InspectionKind.planned) AND i.stale = 0 AND i.due_at >= \(now.seconds)
            """
        return try request.fetchAll(transaction.db).map {
            ($0["id"], $0["plan"], $0["due_at"], $0["status"], $0["code"])
        }
    }
}

// MARK: - Records by state

extension InspectionRecord {
    /// The inspection with the id `id`, or nil.
    package static func find(_ transaction: StoreTransaction, id: Int64) throws -> InspectionRecord? {
        try fetchOne(transaction.db, key: id)
    }

    /// The office `id`'s open inspection, if any.
    package static func open(_ transaction: StoreTransaction, officeID id: Int64?) throws -> InspectionRecord? {
        try filter(Columns.officeId == id).filter(Columns.status == InspectionStatus.open).fetchOne(transaction.db)
    }

    /// The office `id`'s due inspection that fell due first, if any.
    package static func firstDue(_ transaction: StoreTransaction, officeID id: Int64?) throws -> InspectionRecord? {
        try filter(Columns.officeId == id).filter(Columns.status == InspectionStatus.due).order(Columns.dueAt)
            .fetchOne(transaction.db)
    }

    /// How many inspections of the office `id` are scheduled, due or open.
    package static func unfinishedCount(_ transaction: StoreTransaction, officeID id: Int64?) throws -> Int {
        try filter(Columns.officeId == id)
            .filter([InspectionStatus.scheduled, .due, .open].contains(Columns.status)).fetchCount(transaction.db)
    }

    /// Whether the plan `plan` has an inspection of the office `id` due at `dueAt`.
    package static func hasPlanned(
        _ transaction: StoreTransaction, plan: String, officeID id: Int64?, dueAt: Instant
    ) throws -> Bool {
        try filter(Columns.kind == InspectionKind.planned).filter(Columns.plan == plan)
            .filter(Columns.officeId == id).filter(Columns.dueAt == dueAt.seconds).fetchCount(transaction.db) > 0
    }
}
