import Dispatch
import Foundation
import Glibc
import InspectVarlink

/// A minimal Varlink service for tests of socket activation: it answers `org.example.echo.Echo` with the text it
/// got and its own process id, so a test can tell which process served it.
///
/// The handlers are formed here rather than in `main.swift`, whose top-level closures are main-actor code and would
/// trap on the server's queue.
enum EchoService {
    static let description = """
        # Echoes text back, with the serving process's id.
        interface org.example.echo

        method Echo(text: string) -> (text: string, pid: int, uid: int)
        """

    private struct EchoRequest: Decodable {
        var text: String
    }

    private struct EchoReply: Encodable {
        var text: String
        var pid: Int32
        var uid: UInt32
    }

    /// Runs until killed; returns an exit status only when the service cannot start.
    static func run(arguments: [String]) -> Int32 {
        let queue = DispatchQueue(label: "varlink-echo")
        let server = VarlinkServer(
            info: .init(vendor: "inspectd", product: "varlink-echo", version: "1", url: "https://example.org/echo"),
            queue: queue)
        var echo = try! VarlinkInterface(description: description)
        echo.method("Echo") { (request: EchoRequest, caller) in
            EchoReply(text: request.text, pid: getpid(), uid: caller.uid)
        }
        do {
            try queue.sync {
                try server.register(echo)
                let sockets = try SocketActivation.inheritedSockets()
                if let socket = sockets.first {
                    try server.adopt(listeningDescriptor: socket.descriptor)
                } else if let path = arguments.first {
                    try server.listen(path: path)
                } else {
                    throw UsageError()
                }
            }
        } catch {
            FileHandle.standardError.write(Data("varlink-echo: \(error)\n".utf8))
            return 64
        }
        dispatchMain()
    }

    private struct UsageError: Error, CustomStringConvertible {
        var description: String { "no socket was passed and no path given" }
    }
}
