/// A process exit status from BSD's `sysexits.h`, the vocabulary systemd and shell scripts understand.
///
/// systemd shows 78 as `status=78/CONFIG`, and the unit's `RestartPreventExitStatus=78` stops a restart loop on a
/// configuration error.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case success = 0
    case failure = 1
    /// The command was used incorrectly: wrong arguments, bad option value.
    case usage = 64
    /// The input data was incorrect: a malformed time, an unknown violation type, a bad CSV row; or the stored record
    /// failed verification.
    case dataError = 65
    /// A record or input file the command needs does not exist.
    case noInput = 66
    /// A service is unavailable: the daemon does not answer on its socket.
    case unavailable = 69
    /// A file could not be created (the database path's directory is missing or unwritable).
    case cantCreate = 73
    /// Reading or writing storage failed.
    case ioError = 74
    /// Try again later: the database is locked by another writer for longer than the busy timeout.
    case tempFail = 75
    /// The caller may not do this.
    case noPermission = 77
    /// A configuration file is invalid.
    case config = 78
}
