import GRDB
import InspectCore

/// What the standards are measured on: people with their office, category, retirement and profile history.
package enum StandardsQueries {
    /// A person and every change to their profile, in the order recorded.
    package typealias Person = (
        badge: String, name: String, office: String, category: StaffCategory, retiredAt: Instant?,
        history: [ProfileChange]
    )

    /// The people by badge, retired ones too (they count on the days they served): only `badge` when given, of
    /// `office` when given, after the badge `after`, at most `limit` of them. Two statements, whatever the number of
    /// people: the staff, then the profile changes of the range they span.
    package static func people(
        _ transaction: StoreTransaction, badge: String? = nil, office: String? = nil, after: String? = nil,
        limit: Int? = nil
    ) throws -> [Person] {
        var conditions: [SQL] = []
        if let badge { conditions.append("s.badge = \(badge)") }
        if let office { conditions.append("o.code = \(office)") }
        if let after { conditions.append("s.badge > \(after)") }
        func all(_ conditions: [SQL]) -> SQL {
            conditions.dropFirst().reduce(conditions.first ?? "1") { $0 + " AND " + $1 }
        }
        let limited: SQL = limit.map { " LIMIT \($0)" } ?? ""
        let staff = try SQLRequest<Row>(
            """
            SELECT s.id, s.badge, s.name, o.code, s.category, s.retired_at FROM staff s
            JOIN office o ON o.id = s.office_id WHERE \(all(conditions)) ORDER BY s.badge\(limited)
            """
        ).fetchAll(transaction.db)
        guard !staff.isEmpty else { return [] }
        // The same people: those the filter selects, up to the last badge of the page.
        let last: String = staff[staff.count - 1]["badge"]
        conditions.append("s.badge <= \(last)")
        var histories: [Int64: [ProfileChange]] = [:]
        let changes = try SQLRequest<StaffProfileChangeRecord>(
            """
            SELECT c.* FROM staff_profile_change c JOIN staff s ON s.id = c.staff_id
            JOIN office o ON o.id = s.office_id WHERE \(all(conditions)) ORDER BY c.id
            """
        ).fetchAll(transaction.db)
        for change in changes { histories[change.staffId, default: []].append(change.change) }
        return staff.map { row in
            (
                badge: row["badge"], name: row["name"], office: row["code"], category: row["category"],
                retiredAt: row["retired_at"], history: histories[row["id"]] ?? []
            )
        }
    }
}
