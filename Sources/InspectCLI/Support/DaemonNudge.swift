import Foundation
import InspectStore
import InspectVarlink

/// Tells a daemon serving the same database that the CLI wrote to it (see the daemon's nudge socket). Best effort
/// and never blocking: with no daemon listening, nothing happens.
enum DaemonNudge {
    static func send(databasePath: String) {
        _ = withSocket(databasePath) { descriptor, address, size in sendto(descriptor, "", 0, 0, address, size) }
    }

    /// Whether a daemon listens on the database's nudge socket: connecting to a datagram socket nobody has bound is
    /// refused, so a socket file left by a daemon that died is told apart from a live one.
    static func isListening(databasePath: String) -> Bool {
        withSocket(databasePath) { descriptor, address, size in Int(connect(descriptor, address, size)) } == 0
    }

    /// Runs `body` with a datagram socket and the nudge address; nil when there is no socket file.
    private static func withSocket(
        _ databasePath: String, _ body: (Int32, UnsafePointer<sockaddr>, socklen_t) -> Int
    ) -> Int? {
        let path = InspectDatabase.nudgePath(for: databasePath)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let descriptor = socket(
            AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue | SOCK_NONBLOCK.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return UnixSocket.withAddress(path) { body(descriptor, $0, $1) }
    }
}
