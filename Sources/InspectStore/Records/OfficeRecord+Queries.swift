import GRDB
import InspectCore

/// Reads offices into domain values, resolving ids to the codes people use.
extension OfficeRecord {
    private static let valueSelect = """
        SELECT o.code, o.name, p.code AS parent_code, o.kind, o.hours_profile, o.active
        FROM office o LEFT JOIN office p ON p.id = o.parent_id
        """

    private static func value(_ row: Row) -> Office {
        Office(
            code: row["code"], name: row["name"], parent: row["parent_code"], kind: row["kind"],
            hoursProfile: row["hours_profile"], active: row["active"])
    }

    /// The offices, in code order; retired ones only when asked.
    package static func values(_ transaction: StoreTransaction, includeRetired: Bool = false) throws -> [Office] {
        let filter = includeRetired ? "" : " WHERE o.active = 1"
        return try Row.fetchAll(transaction.db, sql: valueSelect + filter + " ORDER BY o.code").map(value)
    }

    /// The office with this code.
    /// - Throws: `InspectError.notFound` naming the code.
    package static func value(_ transaction: StoreTransaction, code: String) throws -> Office {
        guard let row = try Row.fetchOne(transaction.db, sql: valueSelect + " WHERE o.code = ?", arguments: [code])
        else { throw InspectError.notFound(kind: "office", key: code) }
        return value(row)
    }

    /// The name of the office with this code, or nil.
    package static func name(_ transaction: StoreTransaction, code: String) throws -> String? {
        try String.fetchOne(transaction.db, sql: "SELECT name FROM office WHERE code = ?", arguments: [code])
    }

    /// The codes of the active sub-offices of the office `id`, in code order.
    package static func activeChildCodes(_ transaction: StoreTransaction, of id: Int64?) throws -> [String] {
        try String.fetchAll(
            transaction.db, sql: "SELECT code FROM office WHERE parent_id = ? AND active = 1 ORDER BY code",
            arguments: [id])
    }
}

extension OfficeRecord {
    /// Each office's code with its hours profile.
    package static func hoursProfiles(_ transaction: StoreTransaction) throws -> [(code: String, profile: String)] {
        try Row.fetchAll(transaction.db, sql: "SELECT code, hours_profile FROM office").map {
            ($0["code"], $0["hours_profile"])
        }
    }
}

extension OfficeRecord {
    /// How many active sub-offices the office `id` has.
    package static func activeChildCount(_ transaction: StoreTransaction, of id: Int64?) throws -> Int {
        try filter(Columns.parentId == id).filter(Columns.active == true).fetchCount(transaction.db)
    }

    /// The office with the row id `id`, or nil.
    package static func find(_ transaction: StoreTransaction, id: Int64) throws -> OfficeRecord? {
        try fetchOne(transaction.db, sql: "SELECT * FROM office WHERE id = ?", arguments: [id])
    }
}
