import Foundation

/// A local account a test acts as, through `setpriv`: the daemon names callers from the kernel's `SO_PEERCRED`, so
/// roles are tested with real users and groups, not with a flag.
public struct TestUser: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var uid: UInt32
    /// The primary group the process runs with; the daemon reads it with the user's groups.
    public var gid: UInt32
    /// What the user stands for in a test: "reader", "inspector".
    public var role: String

    public var description: String { "\(name) (\(role))" }

    /// `setpriv` arguments that run a command as this user with only its primary group.
    public var setprivArguments: [String] {
        ["--reuid=\(uid)", "--regid=\(gid)", "--clear-groups"]
    }
}

/// The accounts the role tests use: Debian's `nobody`, `daemon`, `bin` and `sys`, with `inspectd`'s groups, which
/// `scripts/setup` creates where the package is not installed.
public enum TestUsers {
    /// A reader no staff record is linked to.
    public static let reader = TestUser(name: "nobody", uid: 65534, gid: 65534, role: "reader")
    /// A reader the tests link to a staff record with `staff link BADGE daemon`.
    public static let linkedReader = TestUser(name: "daemon", uid: 1, gid: 1, role: "linked reader")

    /// An inspector: `bin`, running with the group `inspectd` as its primary group.
    public static var inspector: TestUser? {
        group(named: "inspectd").map { TestUser(name: "bin", uid: 2, gid: $0, role: "inspector") }
    }

    /// An administrator who is not root: `sys`, running with the group `inspectd-admin` as its primary group.
    public static var administrator: TestUser? {
        group(named: "inspectd-admin").map { TestUser(name: "sys", uid: 3, gid: $0, role: "administrator") }
    }

    /// Whether the tests can act as these users: root, `setpriv`, and the groups `inspectd` and `inspectd-admin`.
    public static var available: Bool {
        getuid() == 0 && ProcessRunner.which("setpriv") != nil && group(named: "inspectd") != nil
            && group(named: "inspectd-admin") != nil
    }

    /// Why the role tests cannot run here, for the message of a disabled test.
    public static let unavailableReason =
        "needs root, setpriv and the groups inspectd and inspectd-admin (scripts/setup creates them)"

    /// Whether this run must run the role tests (`scripts/test` says so): then their absence is a failure.
    public static var required: Bool { ProcessInfo.processInfo.environment["INSPECTD_REQUIRE_ROLES"] == "1" }

    public static func group(named name: String) -> UInt32? {
        getgrnam(name).map { $0.pointee.gr_gid }
    }
}
