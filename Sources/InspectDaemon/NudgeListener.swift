import Dispatch
import Foundation
import InspectStore
import InspectVarlink
import Logging

/// A datagram socket next to the database on which `inspectctl` (direct mode) says "I wrote something", so the
/// daemon looks again at once instead of at its next timer.
///
/// The message carries nothing: the daemon checks `PRAGMA data_version` itself, so a stray datagram costs one query.
final class NudgeListener {
    private let path: String
    private let descriptor: Int32
    private let source: DispatchSourceRead

    /// Binds `<database>.nudge` and calls `handler` on `queue` when datagrams arrive; nil (logged) when the socket
    /// cannot be created, in which case the daemon still sees changes at its next wake-up.
    init?(databasePath: String, queue: DispatchQueue, logger: Logger, handler: @escaping () -> Void) {
        path = InspectDatabase.nudgePath(for: databasePath)
        let socketDescriptor = socket(
            AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue | SOCK_NONBLOCK.rawValue), 0)
        unlink(path)
        guard let bound = UnixSocket.withAddress(path, { bind(socketDescriptor, $0, $1) }) else {
            logger.notice("no nudge socket: the database path is too long", metadata: ["nudge.path": "\(path)"])
            if socketDescriptor >= 0 { close(socketDescriptor) }
            return nil
        }
        guard socketDescriptor >= 0, bound == 0 else {
            logger.notice(
                "no nudge socket", metadata: ["nudge.path": "\(path)", "error": "\(String(cString: strerror(errno)))"])
            if socketDescriptor >= 0 { close(socketDescriptor) }
            return nil
        }
        descriptor = socketDescriptor
        source = DispatchSource.makeReadSource(fileDescriptor: socketDescriptor, queue: queue)
        source.setEventHandler {
            var buffer = [UInt8](repeating: 0, count: 64)
            while recv(socketDescriptor, &buffer, buffer.count, 0) >= 0 {}
            handler()
        }
        source.resume()
    }

    deinit {
        source.cancel()
        close(descriptor)
        unlink(path)
    }
}
