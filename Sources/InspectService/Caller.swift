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
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Read reports and their own records.
    case reader
    /// Also open and close inspections and log findings.
    case inspector
    /// Everything: plans, surprises, registry changes, acknowledgements.
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
