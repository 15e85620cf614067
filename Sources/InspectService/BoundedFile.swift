import Glibc
import InspectCore

/// Reads a file someone named — a configuration file or drop-in, a plan, an import — so that it can neither block,
/// exhaust nor leak: the one reader for every such file.
///
/// The file is opened without blocking (`O_NONBLOCK`: a FIFO opens at once instead of waiting for a writer, which
/// would leave the daemon stuck in `open(2)`, deaf to SIGTERM), and without being passed on to children
/// (`O_CLOEXEC`). Whatever the path names after symbolic links are followed must be a regular file: a FIFO, a device
/// (`/dev/zero`, which never ends), a directory or a socket is refused by name. A file over `limit` bytes is refused
/// by its size before a byte is read, and at most `limit + 1` bytes are ever read, so a file that grows meanwhile,
/// or one whose size is not known beforehand (`/proc`), is refused too rather than read without end.
///
/// ```swift
/// let bytes = try BoundedFile.read("/etc/inspectd/inspectd.conf", limit: BoundedFile.configBytes)
/// ```
public enum BoundedFile {
    /// The largest configuration file: `inspectd.conf`, a drop-in, a holiday file, a plan, `escalation.conf`.
    public static let configBytes = 1 << 20
    /// The largest CSV file an import reads: the most a call may carry (`InputLimits.csvBytes`).
    public static let importBytes = InputLimits.csvBytes

    /// Why a file was not read; the description completes "PATH: …".
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Nothing is there (or a symbolic link leads nowhere).
        case missing
        /// It is there but is not a regular file: `kind` says what it is ("a FIFO", "a directory").
        case notRegular(kind: String)
        /// It holds more than `limit` bytes.
        case tooLarge(limit: Int)
        /// Opening or reading it failed: permission denied, an I/O error.
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing: "no such file"
            case .notRegular(let kind): "is \(kind), not a regular file"
            case .tooLarge(let limit): "is larger than \(Self.size(limit)), the most inspectd reads of such a file"
            case .unreadable(let reason): "cannot be read: \(reason)"
            }
        }

        /// `1 MiB`, `64 MiB`, or bytes when not a whole number of MiB.
        static func size(_ bytes: Int) -> String {
            bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
        }
    }

    /// The contents of the regular file at `path`, at most `limit` bytes.
    /// - Throws: ``Failure``.
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(errno) }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else { throw .notRegular(kind: kind(type)) }
        guard status.st_size <= limit else { throw .tooLarge(limit: limit) }
        // One byte more than allowed tells a file that grew past the limit (or had no size) from one that fits.
        // The buffer starts at the size fstat gave and grows only for a file longer than that.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count <= limit else { break }
                bytes.append(contentsOf: repeatElement(0, count: min(limit + 1, bytes.count * 2 + 4096) - bytes.count))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else { throw .tooLarge(limit: limit) }
        bytes.removeSubrange(count...)
        return bytes
    }

    private static func failure(_ code: Int32) -> Failure {
        switch code {
        case ENOENT: .missing
        case EACCES, EPERM: .unreadable("permission denied")
        case EISDIR: .notRegular(kind: "a directory")
        default: .unreadable(String(cString: strerror(code)))
        }
    }

    private static func kind(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a directory"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }
}
