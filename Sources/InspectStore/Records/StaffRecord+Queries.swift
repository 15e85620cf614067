import GRDB
import InspectCore

/// Reads staff into domain values, resolving ids to the codes people use.
extension StaffRecord {
    private static let valueSelect = """
        SELECT s.badge, s.name, o.code AS office_code, s.title, s.category, s.active, s.login
        FROM staff s JOIN office o ON o.id = s.office_id
        """

    private static func value(_ row: Row) -> Staff {
        Staff(
            badge: row["badge"], name: row["name"], office: row["office_code"], title: row["title"],
            category: row["category"], active: row["active"], login: row["login"])
    }

    /// The staff, by badge; optionally only `badge`, after the badge `after`, of the office `office`, at most `limit`
    /// of them; retired ones only when asked.
    package static func values(
        _ transaction: StoreTransaction, badge: String? = nil, after: String? = nil, office: String? = nil,
        includeRetired: Bool,
        limit: Int? = nil
    ) throws -> [Staff] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let badge {
            conditions.append("s.badge = ?")
            arguments.append(badge)
        }
        if let after {
            conditions.append("s.badge > ?")
            arguments.append(after)
        }
        if let office {
            conditions.append("o.code = ?")
            arguments.append(office)
        }
        if !includeRetired { conditions.append("s.active = 1") }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(
            transaction.db, sql: valueSelect + filter + " ORDER BY s.badge" + (limit.map { " LIMIT \($0)" } ?? ""),
            arguments: StatementArguments(arguments)
        ).map(value)
    }

    /// The person with this badge.
    /// - Throws: `InspectError.notFound` naming the badge.
    package static func value(_ transaction: StoreTransaction, badge: String) throws -> Staff {
        guard let row = try Row.fetchOne(transaction.db, sql: valueSelect + " WHERE s.badge = ?", arguments: [badge])
        else { throw InspectError.notFound(kind: "staff badge", key: badge) }
        return value(row)
    }

    /// The offices the person with this badge worked in, in the order they started there.
    package static func assignments(
        _ transaction: StoreTransaction, badge: String
    ) throws -> [(office: String, from: Instant, until: Instant?)] {
        try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT o.code, a.started_at, a.ended_at FROM staff_assignment a
                JOIN office o ON o.id = a.office_id JOIN staff s ON s.id = a.staff_id
                WHERE s.badge = ? ORDER BY a.started_at, a.id
                """,
            arguments: [badge]
        ).map { (office: $0["code"], from: $0["started_at"], until: $0["ended_at"]) }
    }
}

extension StaffAssignmentRecord {
    /// The code of the office the person `staffID` worked in at `instant`: the assignment begun last by then, else
    /// (before their first recorded assignment) the first one.
    package static func officeCode(
        _ transaction: StoreTransaction, staffID: Int64?, at instant: Instant
    ) throws -> String? {
        try String.fetchOne(
            transaction.db,
            sql: """
                SELECT o.code FROM staff_assignment a JOIN office o ON o.id = a.office_id
                WHERE a.staff_id = ?
                ORDER BY a.started_at <= ? DESC, abs(a.started_at - ?) ASC, a.id DESC LIMIT 1
                """,
            arguments: [staffID, instant.seconds, instant.seconds])
    }

    /// Every assignment with its person's badge and whether they are active, and its office's code, oldest first.
    package static func all(
        _ transaction: StoreTransaction
    ) throws -> [(badge: String, active: Bool, start: Instant, office: String)] {
        try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT s.badge, s.active, a.started_at, o.code FROM staff_assignment a
                JOIN staff s ON s.id = a.staff_id JOIN office o ON o.id = a.office_id
                ORDER BY a.started_at, a.id
                """
        ).map { (badge: $0["badge"], active: $0["active"], start: $0["started_at"], office: $0["code"]) }
    }
}

extension StaffAssignmentRecord {
    /// A period a person spent in an office, with where they came from and went to.
    package typealias Move = (badge: String, startedAt: Instant, endedAt: Instant?, cameFrom: String?, wentTo: String?)

    /// The periods people spent in the office `code`, each with the office the person worked in just before (nil
    /// when none) and just after (nil when none, or when it has not ended).
    package static func moves(_ transaction: StoreTransaction, office code: String) throws -> [Move] {
        try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT s.badge, a.started_at, a.ended_at,
                    (SELECT po.code FROM staff_assignment p JOIN office po ON po.id = p.office_id
                     WHERE p.staff_id = a.staff_id AND p.id <> a.id AND p.ended_at = a.started_at
                     ORDER BY p.id DESC LIMIT 1) AS came_from,
                    (SELECT no.code FROM staff_assignment n JOIN office no ON no.id = n.office_id
                     WHERE n.staff_id = a.staff_id AND n.id <> a.id AND n.started_at = a.ended_at
                     ORDER BY n.id LIMIT 1) AS went_to
                FROM staff_assignment a JOIN staff s ON s.id = a.staff_id JOIN office o ON o.id = a.office_id
                WHERE o.code = ?
                """,
            arguments: [code]
        ).map { row in
            (
                badge: row["badge"], startedAt: row["started_at"], endedAt: row["ended_at"],
                cameFrom: row["came_from"], wentTo: row["went_to"]
            )
        }
    }
}

// MARK: - Counts and current assignments

extension StaffRecord {
    /// How many active staff the office `id` has.
    package static func activeCount(_ transaction: StoreTransaction, officeID id: Int64?) throws -> Int {
        try filter(Columns.officeId == id).filter(Columns.active == true).fetchCount(transaction.db)
    }
}

extension StaffAssignmentRecord {
    /// The person `staffID`'s assignment that has not ended, if any.
    package static func current(_ transaction: StoreTransaction, staffID: Int64?) throws -> StaffAssignmentRecord? {
        try filter(Columns.staffId == staffID).filter(Columns.endedAt == nil).fetchOne(transaction.db)
    }

    /// Ends the person `staffID`'s assignment that has not ended, at `instant`.
    package static func endCurrent(_ transaction: StoreTransaction, staffID: Int64?, at instant: Instant) throws {
        try filter(Columns.staffId == staffID).filter(Columns.endedAt == nil)
            .updateAll(transaction.db, Columns.endedAt.set(to: instant.seconds))
    }

    /// Ends every assignment of the person `staffID` at `instant`.
    package static func endAll(_ transaction: StoreTransaction, staffID: Int64?, at instant: Instant) throws {
        try filter(Columns.staffId == staffID).updateAll(transaction.db, Columns.endedAt.set(to: instant.seconds))
    }
}
