import Dispatch
import Foundation
import Glibc
import InspectTesting
import InspectVarlink
import Synchronization

/// An in-process server of the demo interface `org.example.ping` on a socket in a fresh temporary directory.
///
/// The server is confined to its queue like the daemon's; the tests reach it through `queue.sync`.
final class PingService {
    static let description = """
        # A demo interface for the server's tests.
        interface org.example.ping

        # What went wrong, in detail.
        type Detail (code: int, hint: ?string)

        # Answers with what it got.
        method Ping(ping: string) -> (pong: string)

        # Always fails, with parameters.
        method Fail(reason: string) -> ()

        # Replies `count` times; needs 'more'.
        method Count(count: int) -> (index: int)

        # Who the server thinks the caller is.
        method WhoAmI() -> (pid: int, uid: int, gid: int, user: ?string, groups: []string)

        # Waits until the test releases it.
        method Hold() -> ()

        # A reply of `size` bytes.
        method Blob(size: int) -> (data: string)

        # Remembers the text; meant to be called oneway.
        method Note(text: string) -> ()

        # Answered from another thread once the test releases it; the server serves others meanwhile.
        method Defer(ping: string) -> (pong: string)

        # Declared, never implemented.
        method Later() -> ()

        error NotToday (reason: string, detail: Detail)
        """

    let directory = TemporaryDirectory(prefix: "varlink")
    let path: String
    let queue = DispatchQueue(label: "varlink-test")
    let server: VarlinkServer
    let gate = HoldGate()
    let notes = NoteBox()

    init(configuration: VarlinkServer.Configuration = .init()) throws {
        path = directory.file("ping.sock")
        server = VarlinkServer(
            info: .init(vendor: "inspectd", product: "ping-test", version: "0.1", url: "https://example.org/ping"),
            queue: queue, configuration: configuration)
        let interface = try Self.makeInterface(gate: gate, notes: notes)
        try queue.sync {
            try server.register(interface)
            try server.listen(path: path)
        }
    }

    deinit {
        queue.sync { server.stop() }
    }

    var connectionCount: Int { queue.sync { server.connectionCount } }

    /// Waits (bounded) until the server counts `expected` connections.
    func waitForConnections(_ expected: Int) -> Bool {
        waitUntil { connectionCount == expected }
    }

    func client(timeout: Duration = .seconds(20)) throws -> VarlinkClient {
        try VarlinkClient(path: path, timeout: timeout)
    }

    /// Pings on a new connection, to show the server still answers.
    func pingsBack(_ text: String = "still here") -> Bool {
        (try? client().call("org.example.ping.Ping", parameters: ["ping": .string(text)]))?["pong"] == .string(text)
    }

    struct PingRequest: Codable {
        var ping: String
    }

    struct PingReply: Codable, Equatable, Sendable {
        var pong: String
    }

    private struct FailRequest: Decodable {
        var reason: String
    }

    private struct CountRequest: Decodable {
        var count: Int
    }

    private struct CountReply: Encodable {
        var index: Int
    }

    private struct WhoAmIReply: Encodable {
        var pid: Int32
        var uid: UInt32
        var gid: UInt32
        var user: String?
        var groups: [String]
    }

    private struct BlobRequest: Decodable {
        var size: Int
    }

    private struct BlobReply: Encodable {
        var data: String
    }

    private struct NoteRequest: Decodable {
        var text: String
    }

    private static func makeInterface(gate: HoldGate, notes: NoteBox) throws -> VarlinkInterface {
        var interface = try VarlinkInterface(description: description)
        interface.method("Ping") { (request: PingRequest, _) in PingReply(pong: request.ping) }
        interface.method("Fail") { (request: FailRequest, _) -> VarlinkEmpty in
            throw VarlinkError(
                "org.example.ping.NotToday",
                parameters: ["reason": .string(request.reason), "detail": ["code": 7, "hint": "try tomorrow"]])
        }
        interface.streamingMethod("Count") { (request: CountRequest, _) in
            (0..<request.count).map { CountReply(index: $0) }
        }
        interface.method("WhoAmI") { (_: VarlinkEmpty, caller) in
            WhoAmIReply(
                pid: caller.pid, uid: caller.uid, gid: caller.gid, user: caller.userName, groups: caller.groupNames)
        }
        interface.method("Hold") { (_: VarlinkEmpty, _) in
            gate.holdUntilReleased()
            return VarlinkEmpty()
        }
        interface.method("Blob") { (request: BlobRequest, _) in
            BlobReply(data: String(repeating: "x", count: request.size))
        }
        interface.deferredMethod("Defer") {
            (request: PingRequest, _, answer: @escaping @Sendable (Result<PingReply, any Error>) -> Void) in
            Thread.detachNewThread {
                gate.holdUntilReleased()
                answer(.success(PingReply(pong: request.ping)))
            }
        }
        interface.method("Note") { (request: NoteRequest, _) in
            notes.append(request.text)
            return VarlinkEmpty()
        }
        return interface
    }
}

/// Lets a test hold a handler on the server's queue: the handler says it entered, then waits for the release.
final class HoldGate: Sendable {
    private let entered = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)

    func holdUntilReleased() {
        entered.signal()
        released.wait()
    }

    /// Waits (bounded) for a handler to enter.
    func waitForEntry() -> Bool { entered.wait(timeout: .now() + 20) == .success }

    func release() { released.signal() }
}

/// What oneway calls left behind.
final class NoteBox: Sendable {
    private let notes = Mutex<[String]>([])

    func append(_ note: String) { notes.withLock { $0.append(note) } }

    var all: [String] { notes.withLock { $0 } }
}

/// Checks `condition` every few milliseconds until it holds or a generous bound passes; the bound only keeps a
/// failing test from hanging, it times nothing.
func waitUntil(_ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + .seconds(20)
    while ContinuousClock.now < deadline {
        if condition() { return true }
        usleep(5_000)
    }
    return condition()
}
