/// Why a server could not be set up.
public enum VarlinkServerError: Error, Equatable, CustomStringConvertible {
    /// Another server answers on the socket path.
    case addressInUse(path: String)
    /// Something other than a socket is at the path; it is left alone.
    case notASocket(path: String)
    /// The path does not fit in a Unix socket address (107 bytes).
    case pathTooLong(path: String)
    /// An inherited descriptor is not a listening Unix stream socket.
    case notAListeningSocket(descriptor: Int32)
    case duplicateInterface(String)
    /// A handler was given for a method its interface description does not declare.
    case undeclaredMethod(interface: String, method: String)
    /// A system call failed with `errno`.
    case system(operation: String, path: String?, errno: Int32)

    public var description: String {
        switch self {
        case .addressInUse(let path): "Failed to listen on \(path): another server answers there"
        case .notASocket(let path): "Failed to listen on \(path): the file exists and is not a socket"
        case .pathTooLong(let path): "Failed to listen on \(path): the path is too long for a Unix socket"
        case .notAListeningSocket(let descriptor):
            "Failed to adopt descriptor \(descriptor): it is not a listening Unix stream socket"
        case .duplicateInterface(let name): "Failed to register \(name): the interface is already registered"
        case .undeclaredMethod(let interface, let method):
            "Failed to register \(interface): method \(method) is not declared in its description"
        case .system(let operation, let path, let code):
            "Failed to \(operation)\(path.map { " \($0)" } ?? ""): \(UnixSocket.describe(code))"
        }
    }
}
