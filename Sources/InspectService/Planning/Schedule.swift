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
                "only members of \(Role.adminGroup) may see surprise inspections before they are due")
        }
        return try query { db in
            try InspectionRecord.upcoming(db, from: from, to: to, includeSecret: reveal)
        }
    }
}
