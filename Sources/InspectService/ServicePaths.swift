import Foundation

/// Where inspectd's files are, and the one order in which the places that may name them are asked: the command
/// line's flag, then the environment, then (for the database) `Database=` in the configuration, then the built-in
/// default. The daemon, inspectctl and its `backup` all read their paths here.
///
/// ```swift
/// let paths = ServicePaths(environment: ["INSPECTD_SOCKET": "/tmp/io.inspectd"])
/// paths.socket(flag: nil)  // "/tmp/io.inspectd"
/// ```
public struct ServicePaths: Sendable {
    /// The record, unless a flag, the environment or the configuration names another.
    public static let defaultDatabase = "/var/lib/inspectd/inspectd.db"
    /// The API socket, in the runtime directory systemd creates (`RuntimeDirectory=inspectd`).
    public static let defaultSocket = "/run/inspectd/io.inspectd"
    /// The main configuration file; the compiled defaults apply when it is absent.
    public static let defaultConfig = "/etc/inspectd/inspectd.conf"

    private let environment: @Sendable (String) -> String?

    /// The paths as this process's environment names them. Read variable by variable: the whole environment as a
    /// dictionary (`ProcessInfo`) would cost a one-shot command the runtime's scans of its conformance records.
    public init() {
        environment = { name in getenv(name).map { String(cString: $0) } }
    }

    /// The paths as `environment` names them.
    public init(environment: [String: String]) {
        self.environment = { environment[$0] }
    }

    /// The configuration file to read, and whether it was named (then it must exist): `--config`, else
    /// `$INSPECTD_CONFIG`, else ``defaultConfig``.
    public func config(flag: String?) -> (path: String, explicit: Bool) {
        if let named = flag ?? environment("INSPECTD_CONFIG") { return (named, true) }
        return (Self.defaultConfig, false)
    }

    /// The database named for this process, if any: `--database`, else `$INSPECTD_DATABASE`. For inspectctl, a named
    /// database means direct mode.
    public func namedDatabase(flag: String?) -> String? {
        flag ?? environment("INSPECTD_DATABASE")
    }

    /// The daemon's database: the one named (``namedDatabase(flag:)``), else `Database=` in the configuration, else
    /// ``defaultDatabase``.
    public func database(flag: String?, configured: String?) -> String {
        namedDatabase(flag: flag) ?? configured ?? Self.defaultDatabase
    }

    /// The API socket: `--socket`, else `$INSPECTD_SOCKET`, else ``defaultSocket``.
    public func socket(flag: String?) -> String {
        flag ?? environment("INSPECTD_SOCKET") ?? Self.defaultSocket
    }
}
