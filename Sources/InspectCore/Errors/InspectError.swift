/// Everything that can go wrong in a way a person must hear about.
///
/// The description says *why* something failed, in one line; the caller adds *what* was being done, so the CLI
/// prints `inspectctl: finding log: inspection 12 is closed`. Each case maps to one sysexits code.
public enum InspectError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A value given by the user is malformed or out of range (a time, a count, a code).
    case invalidInput(String)
    /// A record the request names does not exist: `kind` is "office", "staff member", "inspection", ….
    case notFound(kind: String, key: String)
    /// A record with this key exists already.
    case duplicate(kind: String, key: String)
    /// The request is well formed but the record's state forbids it (a finding on a closed inspection).
    case conflict(String)
    /// A line of an input file (CSV, INI) is invalid. `line` is 1-based.
    case invalidFile(path: String, line: Int, reason: String)
    /// A configuration file is invalid. `line` is 1-based, or 0 when the problem is the file as a whole.
    case invalidConfig(path: String, line: Int, reason: String)
    /// The database is locked by another writer for longer than the busy timeout.
    case busy(path: String)
    /// The database cannot be created or opened for writing where it was asked to be.
    case cannotCreate(path: String, reason: String)
    /// Reading or writing the database failed.
    case storage(path: String, reason: String)
    /// The database was written by a newer inspectd whose schema this one does not know.
    case schemaTooNew(path: String)
    /// The record failed verification: integrity check or hash chain.
    case integrity(String)
    /// The caller's role does not allow the request.
    case permissionDenied(String)
    /// The daemon cannot be reached: not running, or its socket is missing.
    case unavailable(String)

    public var description: String {
        switch self {
        case .invalidInput(let reason): reason
        case .notFound(let kind, let key): "no \(kind) '\(key)'"
        case .duplicate(let kind, let key): "\(kind) '\(key)' already exists"
        case .conflict(let reason): reason
        case .invalidFile(let path, let line, let reason): "\(path):\(line): \(reason)"
        case .invalidConfig(let path, let line, let reason):
            line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)"
        case .busy(let path): "database \(path) is locked by another writer; try again"
        case .cannotCreate(let path, let reason): "cannot create database \(path): \(reason)"
        case .storage(let path, let reason): "database \(path): \(reason)"
        case .schemaTooNew(let path):
            "database \(path) was written by a newer inspectd; upgrade inspectd to use it"
        case .integrity(let reason): reason
        case .permissionDenied(let reason): reason
        case .unavailable(let reason): reason
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .invalidInput, .conflict, .invalidFile: .dataError
        case .duplicate: .dataError
        case .notFound: .noInput
        case .invalidConfig: .config
        case .busy: .tempFail
        case .cannotCreate: .cantCreate
        case .storage, .schemaTooNew: .ioError
        case .integrity: .dataError
        case .permissionDenied: .noPermission
        case .unavailable: .unavailable
        }
    }
}
