import InspectCore

/// Why a `central` command failed, in one line, with the sysexits code the command exits with.
public struct CentralError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public var exitStatus: ExitStatus
    /// The server's SQLSTATE, when the server refused a statement.
    public var sqlState: String?

    public init(_ description: String, _ exitStatus: ExitStatus, sqlState: String? = nil) {
        self.description = description
        self.exitStatus = exitStatus
        self.sqlState = sqlState
    }

    /// A URL the command cannot use (64).
    static func badURL(_ url: String, _ why: String) -> CentralError {
        CentralError("bad URL '\(url)': \(why)", .usage)
    }
}
