import Foundation
import InspectStore

/// Tells a daemon serving the same database that the CLI wrote to it (see the daemon's nudge socket). Best effort
/// and never blocking: with no daemon listening, nothing happens.
enum DaemonNudge {
    static func send(databasePath: String) {
        _ = withSocket(databasePath) { descriptor, address in sendto(descriptor, "", 0, 0, address, addressSize) }
    }

    /// Whether a daemon listens on the database's nudge socket: connecting to a datagram socket nobody has bound is
    /// refused, so a socket file left by a daemon that died is told apart from a live one.
    static func isListening(databasePath: String) -> Bool {
        withSocket(databasePath) { descriptor, address in Int(connect(descriptor, address, addressSize)) } == 0
    }

    private static let addressSize = socklen_t(MemoryLayout<sockaddr_un>.size)

    /// Runs `body` with a datagram socket and the nudge address; nil when there is no socket file.
    private static func withSocket(
        _ databasePath: String, _ body: (Int32, UnsafePointer<sockaddr>) -> Int
    ) -> Int? {
        let path = InspectDatabase.nudgePath(for: databasePath)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path), FileManager.default.fileExists(atPath: path)
        else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let descriptor = socket(
            AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue | SOCK_NONBLOCK.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body(descriptor, $0) }
        }
    }
}
