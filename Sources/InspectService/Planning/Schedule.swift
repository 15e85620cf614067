import GRDB
import InspectCore
import InspectStore

extension InspectService {
    /// The inspections scheduled or due between `from` and `to`, by due instant.
    ///
    /// Surprise and follow-up inspections that are not yet due are left out unless `reveal` is asked for, and only an
    /// admin may ask.
    /// - Throws: `.permissionDenied` when someone other than an admin asks to reveal.
    public func upcoming(from: Instant, to: Instant, reveal: Bool, as caller: Caller) throws -> [Inspection] {
        guard !reveal || caller.role == .admin else {
            throw InspectError.permissionDenied(
                "only members of inspectd-admin may see surprise inspections before they are due")
        }
        return try query { db in
            var sql =
                RegistryRows.inspectionSelect
                + " WHERE i.status IN ('scheduled', 'due') AND i.due_at >= ? AND i.due_at < ?"
            if !reveal { sql += " AND " + Self.notSecret }
            return try Row.fetchAll(db, sql: sql + " ORDER BY i.due_at, o.code", arguments: [from.seconds, to.seconds])
                .map(RegistryRows.inspection)
        }
    }
}
