import InspectCore
import InspectStore

/// Who the caller is to the record: the person linked to their Unix login, if any.
public struct Identity: Codable, Sendable, Hashable {
    public var user: String
    public var role: Role
    /// The person whose login is `user`; nil when no staff record is linked to it.
    public var staff: StaffDetail?
}

extension InspectService {
    /// The caller's user name and role, and the person linked to their login.
    public func identity(of caller: Caller) throws -> Identity {
        try query { db in
            let own = try StaffRecord.find(db, login: caller.user)
            return Identity(
                user: caller.user, role: caller.role, staff: try own.map { try staffDetail(db, badge: $0.badge) })
        }
    }

    /// The badge of the only person whose records `caller` may read, or nil when they may read everyone's.
    ///
    /// Readers (users in neither inspectd group) read reports, and the records of the person linked to their login:
    /// a civil servant can check what was recorded about them without seeing their colleagues'.
    /// - Throws: `.permissionDenied` when a reader has no staff record linked to their login.
    public func ownBadge(of caller: Caller) throws -> String? {
        guard caller.role < .inspector else { return nil }
        guard let own = try query({ db in try StaffRecord.find(db, login: caller.user) }) else {
            throw InspectError.permissionDenied(
                "\(caller.user) may read only their own record, and no staff record is linked to that login (an "
                    + "administrator links one with 'inspectctl staff link BADGE \(caller.user)')")
        }
        return own.badge
    }

    /// Checks that `caller` may read the records of the person with `badge`.
    /// - Throws: `.permissionDenied` when `caller` is a reader and `badge` is not theirs.
    public func requireReadable(badge: String, by caller: Caller) throws {
        if let own = try ownBadge(of: caller) { try Self.require(badge, isOwn: own, by: caller) }
    }

    /// Checks that a reader whose own badge is `own` asks for that badge.
    /// - Throws: `.permissionDenied` naming both.
    public static func require(_ badge: String, isOwn own: String, by caller: Caller) throws {
        guard badge != own else { return }
        throw InspectError.permissionDenied(
            "\(caller.user) may read only their own record (staff \(own)), not \(badge); reading other people's "
                + "records needs the inspector role (group \(Role.inspectorGroup))")
    }

    /// The staff by badge (of `office`, retired ones when asked) after the badge `after`, narrowed for a reader to
    /// the person linked to their login; the caller is checked first, so an unlinked reader learns nothing from the
    /// listing's errors.
    ///
    /// Pages (``Page``) are for those who may read everyone: a reader's one row comes whole, since the cursor of a
    /// page would be someone else's badge.
    public func readableStaff(
        by caller: Caller, office: String? = nil, includeRetired: Bool, after: String?
    ) throws -> (rows: [Staff], next: String?) {
        if let own = try ownBadge(of: caller) {
            return (try listStaff(office: office, includeRetired: includeRetired, badge: own, after: after), nil)
        }
        return try Page.of(cursor: \.badge) {
            try listStaff(office: office, includeRetired: includeRetired, after: after, limit: $0)
        }
    }

    /// Links the person with `badge` to the Unix user `login`, or removes the link when `login` is nil.
    /// - Throws: `.notFound` (badge), `.invalidInput` (login), `.conflict` (login linked to someone else, or
    ///   nothing to change).
    public func linkStaff(badge: String, login: String?, by caller: Caller) throws -> StaffDetail {
        try perform { db, log in
            var staff = try StaffRecord.require(db, badge: badge)
            guard staff.login != login else {
                throw InspectError.conflict(
                    login.map { "staff \(badge) is already linked to \($0)" } ?? "staff \(badge) has no login linked")
            }
            if let login { try requireFreeLogin(db, login) }
            let previous = staff.login
            staff.login = login
            try staff.update(db)
            let message =
                if let login { "Staff \(badge) linked to login \(login) by \(caller.user)" } else {
                    "Staff \(badge) unlinked from login \(previous ?? "") by \(caller.user)"
                }
            try log.emit(
                Event(
                    kind: .registryChanged, message: message,
                    fields: [
                        "STAFF": badge, "LOGIN": login ?? previous ?? "", "USER": caller.user,
                        "CHANGE": login == nil ? "staff-unlinked" : "staff-linked",
                    ]))
            return try staffDetail(db, badge: badge)
        }
    }
}
