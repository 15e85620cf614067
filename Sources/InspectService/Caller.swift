import InspectCore

/// Who asks: the Unix user behind a CLI command or a socket connection, and what their groups allow.
public struct Caller: Sendable, Codable, Hashable {
    public var user: String
    public var role: Role

    public init(user: String, role: Role) {
        self.user = user
        self.role = role
    }
}

/// What a caller may do. Roles come from Unix groups: `inspectd-admin` (and root) → admin, `inspectd` → inspector,
/// everyone else → reader.
public enum Role: String, Sendable, Codable, DeclarationOrdered {
    /// Read reports and their own records.
    case reader
    /// Also open and close inspections and log findings.
    case inspector
    /// Everything: plans, surprises, registry changes, acknowledgements.
    case admin
}

extension Role {
    /// The Unix group whose members are admins.
    public static let adminGroup = "inspectd-admin"
    /// The Unix group whose members are inspectors.
    public static let inspectorGroup = "inspectd"

    /// The role Unix credentials give: root and members of `inspectd-admin` are admins, members of `inspectd`
    /// inspectors, everyone else a reader. In direct mode the owner of the database file is an admin too: they can
    /// write the file anyway.
    public static func of(userID: UInt32, groups: some Sequence<String>, ownsRecord: Bool = false) -> Role {
        let groups = Set(groups)
        if userID == 0 || ownsRecord || groups.contains(adminGroup) { return .admin }
        return groups.contains(inspectorGroup) ? .inspector : .reader
    }
}
