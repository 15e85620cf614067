import Foundation
import Glibc

/// Listening sockets passed by systemd (`LISTEN_FDS`, `LISTEN_PID`, `LISTEN_FDNAMES`), as `sd_listen_fds` reads
/// them: descriptors 3, 4, … in order, meant for this process only.
public enum SocketActivation {
    /// The first passed descriptor; the others follow it.
    public static let firstDescriptor: Int32 = 3

    /// One passed socket and the name its unit gave it (`FileDescriptorName=`, else "unknown").
    public struct Socket: Sendable, Equatable {
        public var descriptor: Int32
        public var name: String

        public init(descriptor: Int32, name: String) {
            self.descriptor = descriptor
            self.name = name
        }
    }

    /// The sockets `environment` describes for process `processID`. None when `LISTEN_PID` is unset or names
    /// another process: the variables were inherited from a parent and the descriptors are not ours.
    ///
    /// - Throws: ``SocketActivationError`` when the variables are present but malformed.
    public static func sockets(
        environment: [String: String], processID: Int32
    ) throws(SocketActivationError) -> [Socket] {
        guard let pidText = environment["LISTEN_PID"] else { return [] }
        guard let pid = Int32(pidText), pid > 0 else { throw .invalidValue(name: "LISTEN_PID", value: pidText) }
        guard pid == processID else { return [] }
        let countText = environment["LISTEN_FDS"] ?? ""
        guard let count = Int32(countText), count >= 0, count <= Int32.max - firstDescriptor else {
            throw .invalidValue(name: "LISTEN_FDS", value: countText)
        }
        var names = Array(repeating: "unknown", count: Int(count))
        if let namesText = environment["LISTEN_FDNAMES"] {
            let given = namesText.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard given.count == names.count else { throw .invalidValue(name: "LISTEN_FDNAMES", value: namesText) }
            names = given
        }
        return names.indices.map { Socket(descriptor: firstDescriptor + Int32($0), name: names[$0]) }
    }

    /// The sockets passed to this process. The descriptors are marked close-on-exec and, with `unsetEnvironment`,
    /// the variables are removed so that child processes do not take them for theirs.
    ///
    /// - Important: Call early, before other threads read the environment: `unsetenv` is not thread-safe.
    /// - Throws: ``SocketActivationError`` when the variables are malformed or a descriptor is not open.
    public static func inheritedSockets(unsetEnvironment: Bool = true) throws(SocketActivationError) -> [Socket] {
        let sockets = try sockets(environment: ProcessInfo.processInfo.environment, processID: getpid())
        if unsetEnvironment {
            for name in ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"] { unsetenv(name) }
        }
        for socket in sockets where !UnixSocket.setCloseOnExec(socket.descriptor) {
            throw .descriptorNotOpen(socket.descriptor)
        }
        return sockets
    }
}

/// Why the socket-activation variables could not be used.
public enum SocketActivationError: Error, Equatable, CustomStringConvertible {
    case invalidValue(name: String, value: String)
    case descriptorNotOpen(Int32)

    public var description: String {
        switch self {
        case .invalidValue(let name, let value): "Failed to read socket activation: \(name)='\(value)' is invalid"
        case .descriptorNotOpen(let descriptor):
            "Failed to read socket activation: descriptor \(descriptor) is not open"
        }
    }
}
