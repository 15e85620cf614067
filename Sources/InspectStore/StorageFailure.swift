import GRDB
import InspectCore

/// Turns SQLite's result codes into the errors people act on.
enum StorageFailure {
    static func translate(_ error: any Error, path: String) -> any Error {
        if error is InspectError { return error }
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return InspectError.busy(path: path)
        case .SQLITE_FULL:
            return InspectError.storage(path: path, reason: "the disk is full; nothing was written")
        case .SQLITE_READONLY:
            return InspectError.storage(path: path, reason: "it is read-only here; nothing was written")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return InspectError.cannotCreate(path: path, reason: error.message ?? "cannot open")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return InspectError.integrity("database \(path) is not a valid inspectd database or is corrupt")
        case .SQLITE_CONSTRAINT:
            return InspectError.conflict(error.message ?? "a constraint failed")
        default:
            return InspectError.storage(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
