import GRDB
import InspectCore

/// Test sessions and their hash-chained results: sessions are inserted once, results appended as links of
/// `TestResultChain` (the migration's triggers refuse any other change).
public enum CompetencyStore {
    /// The id of the office `code`.
    /// - Throws: `.notFound` naming the code.
    package static func officeID(_ transaction: StoreTransaction, code: String) throws -> Int64 {
        guard
            let id = try Int64.fetchOne(transaction.db, sql: "SELECT id FROM office WHERE code = ?", arguments: [code])
        else { throw InspectError.notFound(kind: "office", key: code) }
        return id
    }

    /// Plans a session of `titles` for the offices `offices` (codes), held on `day`; returns its number.
    /// - Throws: `.notFound` for an unknown office.
    package static func plan(
        _ transaction: StoreTransaction, name: String, day: CivilDate, titles: [String], offices: [String],
        by user: String, at now: Instant
    ) throws -> Int64 {
        for office in offices { _ = try officeID(transaction, code: office) }
        try transaction.db.execute(
            sql: """
                INSERT INTO test_session (name, held_on, titles, offices, planned_by, planned_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [name, day, titles.joined(separator: ","), offices.joined(separator: ","), user, now])
        return transaction.db.lastInsertedRowID
    }

    /// The sessions held from `from` to `to` (inclusive, either open), or only session `id`, by day and number.
    package static func sessions(
        _ transaction: StoreTransaction, id: Int64? = nil, from: CivilDate? = nil, to: CivilDate? = nil
    ) throws -> [TestSession] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let id {
            conditions.append("s.id = ?")
            arguments.append(id)
        }
        if let from {
            conditions.append("s.held_on >= ?")
            arguments.append(from)
        }
        if let to {
            conditions.append("s.held_on <= ?")
            arguments.append(to)
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT s.id, s.name, s.held_on, s.titles, s.offices, s.planned_by, s.planned_at
                FROM test_session s
                """ + filter + " ORDER BY s.held_on, s.id",
            arguments: StatementArguments(arguments)
        ).map { row in
            TestSession(
                id: row["id"], name: row["name"],
                titles: (row["titles"] as String).split(separator: ",").map(String.init),
                offices: (row["offices"] as String).split(separator: ",").map(String.init),
                day: row["held_on"], plannedBy: row["planned_by"], plannedAt: row["planned_at"])
        }
    }

    /// Appends `link` (its id and hashes are ignored) as the next result of the chain; returns it as stored, with its
    /// id and hash, which its event carries for the journal to witness.
    package static func append(
        _ transaction: StoreTransaction, _ link: TestResultChain.Link
    ) throws
        -> TestResultChain.Link
    {
        let head = try Row.fetchOne(transaction.db, sql: "SELECT last_hash FROM test_result_chain_head")
        guard let lastHash = head?["last_hash"] as String? else {
            throw InspectError.integrity(
                "the test results' chain head is missing: the database was edited outside inspectd")
        }
        var next = link
        next.id = (try Int64.fetchOne(transaction.db, sql: "SELECT max(id) FROM test_result") ?? 0) + 1
        next = TestResultChain.linked(next, after: lastHash)
        try transaction.db.execute(
            sql: """
                INSERT INTO test_result (id, session_id, staff_id, title, office_id, score, amends, reason, recorded_by,
                    recorded_at, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                next.id, next.session, next.staff, next.title, next.office, next.score, next.amends, next.reason,
                next.recordedBy, next.recordedAt, next.prevHash, next.hash,
            ])
        return next
    }

    /// The id of the person's current result in the session (the last of its amendments), if any.
    package static func currentResultID(
        _ transaction: StoreTransaction, session: Int64, staffID: Int64
    ) throws -> Int64? {
        try Int64.fetchOne(
            transaction.db,
            sql: """
                SELECT r.id FROM test_result r
                WHERE r.session_id = ? AND r.staff_id = ?
                    AND NOT EXISTS (SELECT 1 FROM test_result a WHERE a.amends = r.id)
                """,
            arguments: [session, staffID])
    }

    /// The stored row of result `id`.
    package static func link(_ transaction: StoreTransaction, id: Int64) throws -> TestResultChain.Link? {
        try Row.fetchOne(transaction.db, sql: "SELECT * FROM test_result WHERE id = ?", arguments: [id]).map(link)
    }

    private static func link(_ row: Row) -> TestResultChain.Link {
        TestResultChain.Link(
            id: row["id"], session: row["session_id"], staff: row["staff_id"], title: row["title"],
            office: row["office_id"], score: row["score"], amends: row["amends"], reason: row["reason"],
            recordedBy: row["recorded_by"], recordedAt: row["recorded_at"], prevHash: row["prev_hash"],
            hash: row["hash"])
    }

    /// Every result (amended ones too) of session `session`, of the sessions held in `year`, of the person `badge`,
    /// as each filter is given, by id; bands are left to the caller.
    package static func results(
        _ transaction: StoreTransaction, session: Int64?, year: Int?, badge: String?
    ) throws -> [TestResult] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let session {
            conditions.append("r.session_id = ?")
            arguments.append(session)
        }
        if let year {
            conditions.append("t.held_on >= ? AND t.held_on < ?")
            arguments += [CivilDate(year: year, month: 1, day: 1), CivilDate(year: year + 1, month: 1, day: 1)]
        }
        if let badge {
            conditions.append("s.badge = ?")
            arguments.append(badge)
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT r.id, r.session_id, s.badge, r.title, o.code AS office, r.score, r.amends, r.reason,
                    r.recorded_by, r.recorded_at
                FROM test_result r
                JOIN test_session t ON t.id = r.session_id
                JOIN staff s ON s.id = r.staff_id
                JOIN office o ON o.id = r.office_id
                """ + filter + " ORDER BY r.id",
            arguments: StatementArguments(arguments)
        ).map { row in
            TestResult(
                id: row["id"], session: row["session_id"], badge: row["badge"], title: row["title"],
                office: row["office"], score: Tenths(tenths: row["score"]), band: nil, amends: row["amends"],
                reason: row["reason"], recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
        }
    }

    /// The offices' names by code, for reports.
    package static func officeNames(_ transaction: StoreTransaction) throws -> [String: String] {
        var names: [String: String] = [:]
        for row in try Row.fetchAll(transaction.db, sql: "SELECT code, name FROM office") {
            names[row["code"]] = row["name"]
        }
        return names
    }

    /// Recomputes every link in id order and compares the end with the head: what does not hold, empty when all
    /// does.
    package static func verify(_ transaction: StoreTransaction) throws -> [String] {
        var verifier = TestResultChain.Verifier()
        let cursor = try Row.fetchCursor(transaction.db, sql: "SELECT * FROM test_result ORDER BY id")
        while let row = try cursor.next() {
            if let problem = verifier.check(link(row)) { return [problem] }
        }
        guard
            let head = try Row.fetchOne(
                transaction.db, sql: "SELECT last_id, last_hash, count FROM test_result_chain_head")
        else { return ["the test results' chain head is missing: the database was edited outside inspectd"] }
        return verifier.checkEnd(headID: head["last_id"], headHash: head["last_hash"], headCount: head["count"])
            .map { [$0] } ?? []
    }
}
