import GRDB
import InspectCore

/// Reads findings as they stand.
extension FindingRecord {
    /// True for a row that is the finding as it stands: not a retraction and not corrected by a later row.
    package static let isCurrent: SQL =
        "f.action <> \(FindingAction.retract) AND NOT EXISTS (SELECT 1 FROM finding c WHERE c.corrects_id = f.id)"

    /// How many current findings name the person with this badge.
    package static func currentCount(_ transaction: StoreTransaction, staff badge: String) throws -> Int {
        let sql =
            SQL(sql: "SELECT count(*) FROM finding f WHERE f.staff_badge = ? AND ", arguments: [badge]) + isCurrent
        return try Int.fetchOne(transaction.db, SQLRequest(literal: sql)) ?? 0
    }
}

extension FindingRecord {
    /// How many current findings the inspection `id` has.
    package static func currentCount(_ transaction: StoreTransaction, inspection id: Int64) throws -> Int {
        let sql = SQL(sql: "SELECT count(*) FROM finding f WHERE f.inspection_id = ? AND ", arguments: [id]) + isCurrent
        return try Int.fetchOne(transaction.db, SQLRequest(literal: sql)) ?? 0
    }

    /// How many staff the current findings of the inspection `id` name.
    package static func namedStaffCount(_ transaction: StoreTransaction, inspection id: Int64) throws -> Int {
        let sql =
            SQL(
                sql: "SELECT count(DISTINCT f.staff_badge) FROM finding f WHERE f.inspection_id = ? AND ",
                arguments: [id]) + isCurrent
        return try Int.fetchOne(transaction.db, SQLRequest(literal: sql)) ?? 0
    }

    /// The hash of the finding row `id`.
    package static func hash(_ transaction: StoreTransaction, id: Int64) throws -> String? {
        try String.fetchOne(transaction.db, sql: "SELECT hash FROM finding WHERE id = ?", arguments: [id])
    }

    /// The largest finding id, nil when there are none.
    package static func maxID(_ transaction: StoreTransaction) throws -> Int64? {
        try Int64.fetchOne(transaction.db, sql: "SELECT max(id) FROM finding")
    }

    /// The id of the row that first recorded the finding row `id` belongs to (itself for a record).
    /// - Throws: `InspectError.notFound` naming the id.
    package static func root(_ transaction: StoreTransaction, of id: Int64) throws -> Int64 {
        guard
            let root = try Int64.fetchOne(
                transaction.db, sql: "SELECT root_id FROM finding_lineage WHERE finding_id = ?",
                arguments: [id])
        else { throw InspectError.notFound(kind: "finding", key: String(id)) }
        return root
    }

    /// A current finding of `badge` with this violation type, observed in `[from, to)` at a clock time in
    /// `[clockFrom, clockTo)`, other than the row `excluding`.
    package static func currentInSession(
        _ transaction: StoreTransaction, badge: String, violation: String, from: Instant, to: Instant,
        clockFrom: TimeOfDay,
        clockTo: TimeOfDay, excluding: Int64?
    ) throws -> Int64? {
        let sql =
            SQL(
                sql: """
                    SELECT f.id FROM finding f
                    WHERE f.staff_badge = ? AND f.violation = ? AND f.observed_at >= ? AND f.observed_at < ?
                        AND f.clock_time >= ? AND f.clock_time < ? AND f.id IS NOT ? AND
                    """,
                arguments: [
                    badge, violation, from.seconds, to.seconds, clockFrom.fullDescription, clockTo.fullDescription,
                    excluding,
                ]) + " " + isCurrent + "\nLIMIT 1"
        return try Int64.fetchOne(transaction.db, SQLRequest(literal: sql))
    }
}

// MARK: - Findings as listed

extension FindingRecord {
    /// A finding row with what a listing shows beside it.
    package struct Listed {
        package var record: FindingRecord
        /// The code of the inspected office.
        package var office: String
        /// The severity of its violation type.
        package var severity: Severity
        /// The action of the row that corrected it, if any.
        package var correctedBy: FindingAction?
    }

    private static let listedSelect = """
        SELECT f.*, o.code AS office_code, v.severity,
            (SELECT c.action FROM finding c WHERE c.corrects_id = f.id) AS corrected_by
        FROM finding f
        JOIN inspection i ON i.id = f.inspection_id
        JOIN office o ON o.id = i.office_id
        JOIN violation_type v ON v.code = f.violation
        """

    private static func listed(
        _ transaction: StoreTransaction, where condition: SQL, currentOnly: Bool, limit: Int? = nil
    )
        throws -> [Listed]
    {
        let filter: SQL = currentOnly ? "(\(condition)) AND \(isCurrent)" : condition
        let sql =
            SQL(sql: listedSelect) + " WHERE " + filter
            + SQL(sql: " ORDER BY f.id" + (limit.map { " LIMIT \($0)" } ?? ""))
        return try Row.fetchAll(transaction.db, SQLRequest(literal: sql)).map { row in
            Listed(
                record: try FindingRecord(row: row), office: row["office_code"], severity: row["severity"],
                correctedBy: row["corrected_by"])
        }
    }

    /// Finding rows of the inspection `inspection`, of the office `office`, about `staff`, of the violation type
    /// `violation`, observed in `[from, to)`, after the row `after`, in the order they were recorded; only as they
    /// stand when `currentOnly`; at most `limit` of them when there is a limit.
    package static func listed(
        _ transaction: StoreTransaction, inspection: Int64?, office: String?, staff: String?, violation: String?,
        from: Instant?,
        to: Instant?, after: Int64?, currentOnly: Bool, limit: Int?
    ) throws -> [Listed] {
        var conditions: [SQL] = ["1"]
        if let inspection { conditions.append("f.inspection_id = \(inspection)") }
        if let office { conditions.append("o.code = \(office)") }
        if let staff { conditions.append("f.staff_badge = \(staff)") }
        if let violation { conditions.append("f.violation = \(violation)") }
        if let from { conditions.append("f.observed_at >= \(from.seconds)") }
        if let to { conditions.append("f.observed_at < \(to.seconds)") }
        if let after { conditions.append("f.id > \(after)") }
        return try listed(
            transaction, where: conditions.joined(separator: " AND "), currentOnly: currentOnly, limit: limit)
    }

    /// The finding row `id`.
    package static func listed(_ transaction: StoreTransaction, id: Int64) throws -> Listed? {
        try listed(transaction, where: "f.id = \(id)", currentOnly: false).first
    }

    /// Every finding row of the inspection `id`.
    package static func listed(_ transaction: StoreTransaction, inspection id: Int64) throws -> [Listed] {
        try listed(transaction, where: "f.inspection_id = \(id)", currentOnly: false)
    }

    /// The row that stands for the finding first recorded as `root`, or nil when it was retracted.
    package static func current(_ transaction: StoreTransaction, root: Int64) throws -> Listed? {
        try listed(
            transaction, where: "f.id IN (SELECT finding_id FROM finding_lineage WHERE root_id = \(root))",
            currentOnly: true
        ).first
    }
}

// MARK: - Imports

extension FindingRecord {
    /// Inserts the records of an import, one prepared statement for all of them.
    package struct ImportInsert {
        private let statement: Statement

        package init(_ transaction: StoreTransaction) throws {
            statement = try transaction.db.cachedStatement(
                sql: """
                    INSERT INTO finding (id, inspection_id, violation, staff_badge, observed_at, clock_time, minutes,
                        note, recorded_by, recorded_at, action, corrects_id, reason, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)
                    """)
        }

        /// Inserts `finding`, a record with its hashes set.
        package func insert(_ finding: Finding) throws {
            try statement.execute(arguments: [
                finding.id, finding.inspection, finding.violation, finding.staff, finding.observedAt.seconds,
                finding.clockTime?.fullDescription, finding.minutes, finding.note, finding.recordedBy,
                finding.recordedAt.seconds, FindingAction.record, finding.prevHash, finding.hash,
            ])
        }
    }
}

// MARK: - Histories

extension FindingRecord {
    /// The roots of every finding one of whose rows was about the person `badge`.
    static func roots(everAbout badge: String) -> SQL {
        SQL(
            sql: "SELECT rl.root_id FROM finding r JOIN finding_lineage rl ON rl.finding_id = r.id "
                + "WHERE r.staff_badge = ?", arguments: [badge])
    }

    /// The roots of every finding made in the office `code`.
    static func roots(madeIn code: String) -> SQL {
        SQL(
            sql: """
                SELECT rl.root_id FROM finding r JOIN finding_lineage rl ON rl.finding_id = r.id
                JOIN inspection ri ON ri.id = r.inspection_id JOIN office ro ON ro.id = ri.office_id WHERE ro.code = ?
                """, arguments: [code])
    }

    /// A row of a finding's history, with the office it was made in and its violation type's English name.
    package typealias HistoryRow = (finding: Finding, office: String, violationName: String)

    /// Every row of the findings whose first row's id is selected by `roots`, in the order they were recorded.
    private static func history(_ transaction: StoreTransaction, roots: SQL) throws -> [HistoryRow] {
        let request: SQLRequest<Row> = """
            SELECT f.*, l.root_id, o.code AS office_code, v.name_en
            FROM finding f
            JOIN finding_lineage l ON l.finding_id = f.id
            JOIN inspection i ON i.id = f.inspection_id
            JOIN office o ON o.id = i.office_id
            JOIN violation_type v ON v.code = f.violation
            WHERE l.root_id IN (\(roots))
            ORDER BY f.id
            """
        return try request.fetchAll(transaction.db).map { row in
            (try FindingRecord(row: row).finding, row["office_code"], row["name_en"])
        }
    }

    /// Every row of every finding one of whose rows was about the person `badge` (moved to someone else by an
    /// amendment too).
    package static func history(_ transaction: StoreTransaction, everAbout badge: String) throws -> [HistoryRow] {
        try history(transaction, roots: roots(everAbout: badge))
    }

    /// Every row of every finding made in the office `code`.
    package static func history(_ transaction: StoreTransaction, madeIn code: String) throws -> [HistoryRow] {
        try history(transaction, roots: roots(madeIn: code))
    }

    /// How many current findings were made in the office `code`.
    package static func currentCount(_ transaction: StoreTransaction, office code: String) throws -> Int {
        let sql =
            SQL(
                sql: """
                    SELECT count(*) FROM finding f JOIN inspection i ON i.id = f.inspection_id
                    JOIN office o ON o.id = i.office_id WHERE o.code = ? AND
                    """, arguments: [code]) + " " + isCurrent
        return try Int.fetchOne(transaction.db, SQLRequest(literal: sql)) ?? 0
    }
}

// MARK: - Follow-ups

extension FindingRecord {
    /// The severity and measure (its raw value) of the violation type of each current finding of the inspection
    /// `id`.
    package static func currentTypes(
        _ transaction: StoreTransaction, inspection id: Int64
    ) throws -> [(severity: Severity?, measure: String?)] {
        let request: SQLRequest<Row> = """
            SELECT v.severity, v.measure FROM finding f JOIN violation_type v ON v.code = f.violation
            WHERE f.inspection_id = \(id) AND \(isCurrent)
            """
        return try request.fetchAll(transaction.db).map { (Severity.fromDatabaseValue($0["severity"]), $0["measure"]) }
    }
}

// MARK: - Rows

extension FindingRecord {
    /// The finding row `id`, or nil.
    package static func find(_ transaction: StoreTransaction, id: Int64) throws -> FindingRecord? {
        try fetchOne(transaction.db, key: id)
    }

    /// The row that corrected the row `id` (amended or retracted it), if any.
    package static func correction(_ transaction: StoreTransaction, of id: Int64) throws -> FindingRecord? {
        try filter(Columns.correctsId == id).fetchOne(transaction.db)
    }

    /// How many finding rows the inspection `id` has, whatever they are.
    package static func rowCount(_ transaction: StoreTransaction, inspection id: Int64) throws -> Int {
        try filter(Columns.inspectionId == id).fetchCount(transaction.db)
    }
}
