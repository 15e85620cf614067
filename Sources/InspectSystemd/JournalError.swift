import Glibc
import InspectCore

/// A journal call failed: what was being done, and the `errno` libsystemd returned.
public struct JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was being done, as a verb phrase: "open the journal", "read an entry".
    public var operation: String
    public var errno: Int32

    public init(operation: String, errno: Int32) {
        self.operation = operation
        self.errno = errno
    }

    public var description: String { "failed to \(operation): \(errorText(errno))" }

    /// Reading the journal is I/O; a bad match the caller built is bad data.
    public var exitStatus: ExitStatus { errno == EINVAL ? .dataError : .ioError }
}
