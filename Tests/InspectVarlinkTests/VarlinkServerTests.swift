import Foundation
import Glibc
import InspectTesting
import Testing

@testable import InspectVarlink

@Suite("Varlink server: calls and replies")
struct VarlinkServerTests {
    @Test("a typed call round-trips through our client")
    func pingRoundTrip() throws {
        let service = try PingService()
        let client = try service.client()

        let reply: PingService.PingReply = try client.call(
            "org.example.ping.Ping", parameters: PingService.PingRequest(ping: "xin chào"))

        #expect(reply == PingService.PingReply(pong: "xin chào"))
        // The same connection serves the next call.
        #expect(try client.call("org.example.ping.Ping", parameters: ["ping": "again"]) == ["pong": "again"])
    }

    @Test("a thrown VarlinkError reaches the client with its name and parameters")
    func errorWithParameters() throws {
        let service = try PingService()
        let client = try service.client()

        let error = try #require(throws: VarlinkError.self) {
            try client.call("org.example.ping.Fail", parameters: ["reason": "closed"])
        }

        #expect(error.name == "org.example.ping.NotToday")
        #expect(error.parameters["reason"] == "closed")
        #expect(error.parameters["detail"] == ["code": 7, "hint": "try tomorrow"])
    }

    @Test("a call with 'more' gets every reply, all but the last marked 'continues'")
    func streamedReplies() throws {
        let service = try PingService()
        let raw = try RawConnection(path: service.path)

        raw.send(message: #"{"method":"org.example.ping.Count","parameters":{"count":3},"more":true}"#)

        #expect(raw.readMessage() == #"{"parameters":{"index":0},"continues":true}"#)
        #expect(raw.readMessage() == #"{"parameters":{"index":1},"continues":true}"#)
        #expect(raw.readMessage() == #"{"parameters":{"index":2}}"#)
        let client = try service.client()
        #expect(try client.callCollectingReplies("org.example.ping.Count", parameters: ["count": 3]).count == 3)
    }

    @Test("a streaming method called without 'more' fails with ExpectedMore")
    func streamWithoutMore() throws {
        let service = try PingService()

        let error = try #require(throws: VarlinkError.self) {
            try service.client().call("org.example.ping.Count", parameters: ["count": 3])
        }

        #expect(error == .expectedMore)
    }

    @Test("a oneway call runs and gets no reply; the next reply belongs to the next call")
    func onewayCall() throws {
        let service = try PingService()
        let client = try service.client()

        try client.sendOneway("org.example.ping.Note", parameters: ["text": "quiet"])
        let reply = try client.call("org.example.ping.Ping", parameters: ["ping": "after"])

        #expect(reply == ["pong": "after"])
        #expect(service.notes.all == ["quiet"])
    }

    @Test("unknown interfaces and methods, unimplemented methods and bad parameters get the standard errors")
    func standardErrors() throws {
        let service = try PingService()
        let client = try service.client()
        func failure(_ method: String, _ parameters: [String: VarlinkValue] = [:]) -> VarlinkError? {
            do {
                _ = try client.call(method, parameters: parameters)
                return nil
            } catch {
                return error as? VarlinkError
            }
        }

        #expect(failure("org.example.nothing.Ping") == .interfaceNotFound("org.example.nothing"))
        #expect(failure("org.example.ping.Pong") == .methodNotFound("org.example.ping.Pong"))
        #expect(failure("NoInterface") == .methodNotFound("NoInterface"))
        #expect(failure("org.example.ping.Later") == .methodNotImplemented("org.example.ping.Later"))
        #expect(failure("org.example.ping.Ping", ["ping": 5]) == .invalidParameter("ping"))
        #expect(failure("org.example.ping.Ping") == .invalidParameter("ping"))
        // Every failure left the connection usable.
        #expect(try client.call("org.example.ping.Ping", parameters: ["ping": "ok"]) == ["pong": "ok"])
    }

    @Test("an upgrade request is refused and the connection stays in Varlink")
    func upgradeRefused() throws {
        let service = try PingService()
        let raw = try RawConnection(path: service.path)

        raw.send(message: #"{"method":"org.example.ping.Ping","parameters":{"ping":"x"},"upgrade":true}"#)
        raw.send(message: #"{"method":"org.example.ping.Ping","parameters":{"ping":"y"}}"#)

        #expect(
            raw.readMessage()
                == #"{"error":"org.varlink.service.InvalidParameter","parameters":{"parameter":"upgrade"}}"#)
        #expect(raw.readMessage() == #"{"parameters":{"pong":"y"}}"#)
    }

    @Test("GetInfo describes the service and lists its interfaces")
    func getInfo() throws {
        let service = try PingService()

        let info = try service.client().call("org.varlink.service.GetInfo")

        #expect(info["vendor"] == "inspectd")
        #expect(info["product"] == "ping-test")
        #expect(info["version"] == "0.1")
        #expect(info["url"] == "https://example.org/ping")
        #expect(info["interfaces"] == ["org.varlink.service", "org.example.ping"])
    }

    @Test("GetInterfaceDescription returns the registered text, and InterfaceNotFound for others")
    func getInterfaceDescription() throws {
        let service = try PingService()
        let client = try service.client()

        let ping = try client.call(
            "org.varlink.service.GetInterfaceDescription", parameters: ["interface": "org.example.ping"])
        let own = try client.call(
            "org.varlink.service.GetInterfaceDescription", parameters: ["interface": "org.varlink.service"])
        let error = try #require(throws: VarlinkError.self) {
            try client.call("org.varlink.service.GetInterfaceDescription", parameters: ["interface": "no.such"])
        }

        #expect(ping["description"] == .string(PingService.description))
        #expect(own["description"] == .string(VarlinkServer.serviceInterfaceDescription))
        #expect(error == .interfaceNotFound("no.such"))
    }

    @Test("a handler's own error type maps through VarlinkErrorConvertible; others become the internal error")
    func errorMapping() throws {
        struct Closed: VarlinkErrorConvertible {
            var varlinkError: VarlinkError { VarlinkError("org.example.mapped.Closed", parameters: ["why": "holiday"]) }
        }
        struct Unexpected: Error {}
        let queue = DispatchQueue(label: "mapping")
        let directory = TemporaryDirectory(prefix: "varlink")
        let server = VarlinkServer(
            info: .init(vendor: "v", product: "p", version: "1", url: "u"), queue: queue,
            configuration: .init(internalErrorName: "org.example.mapped.Internal"))
        var interface = try VarlinkInterface(
            description: "interface org.example.mapped\nmethod Mapped() -> ()\nmethod Other() -> ()\n")
        interface.method("Mapped") { (_: VarlinkEmpty, _) -> VarlinkEmpty in throw Closed() }
        interface.method("Other") { (_: VarlinkEmpty, _) -> VarlinkEmpty in throw Unexpected() }
        try queue.sync {
            try server.register(interface)
            try server.listen(path: directory.file("s"))
        }
        defer { queue.sync { server.stop() } }
        let client = try VarlinkClient(path: directory.file("s"))

        #expect(throws: Closed().varlinkError) { try client.call("org.example.mapped.Mapped") }
        #expect(throws: VarlinkError("org.example.mapped.Internal")) { try client.call("org.example.mapped.Other") }
    }

    @Test("registering twice, or a handler for an undeclared method, is refused")
    func registrationErrors() throws {
        let queue = DispatchQueue(label: "registration")
        let server = VarlinkServer(info: .init(vendor: "v", product: "p", version: "1", url: "u"), queue: queue)
        let ping = try VarlinkInterface(description: PingService.description)
        var extra = try VarlinkInterface(description: "interface org.example.extra\nmethod A() -> ()\n")
        extra.rawMethod("B") { _ in .empty }

        try queue.sync { try server.register(ping) }
        #expect(throws: VarlinkServerError.duplicateInterface("org.example.ping")) {
            try queue.sync { try server.register(ping) }
        }
        #expect(throws: VarlinkServerError.undeclaredMethod(interface: "org.example.extra", method: "B")) {
            try queue.sync { try server.register(extra) }
        }
        #expect(throws: VarlinkSyntaxError.self) { try VarlinkInterface(description: "interface bad") }
    }

    @Test("a raw handler sees the call, the caller and the flags, and answers with values")
    func rawHandler() throws {
        let queue = DispatchQueue(label: "raw")
        let directory = TemporaryDirectory(prefix: "varlink")
        let server = VarlinkServer(info: .init(vendor: "v", product: "p", version: "1", url: "u"), queue: queue)
        var interface = try VarlinkInterface(
            description: "interface org.example.raw\nmethod Echo(any: object) -> (any: object, uid: int)\n")
        interface.rawMethod("Echo") { call in
            guard call.method == "org.example.raw.Echo", let any = call.parameters["any"] else {
                return .error(.invalidParameter("any"))
            }
            return .parameters(["any": any, "uid": .int(Int64(call.caller.uid)), "more": .bool(call.more)])
        }
        try queue.sync {
            try server.register(interface)
            try server.listen(path: directory.file("s"))
        }
        defer { queue.sync { server.stop() } }
        let client = try VarlinkClient(path: directory.file("s"))
        let nested: VarlinkValue = ["list": [1, 2.5, "three", nil, true], "big": .int(Int64.max)]

        let reply = try client.call("org.example.raw.Echo", parameters: ["any": nested])

        #expect(reply == ["any": nested, "uid": .int(Int64(getuid())), "more": false])
    }
}

@Suite("Varlink server: the socket file")
struct VarlinkSocketFileTests {
    private let info = VarlinkServer.Info(vendor: "v", product: "p", version: "1", url: "u")

    @Test("a stale socket file is replaced, and removed again on stop")
    func staleSocketReplaced() throws {
        let directory = TemporaryDirectory(prefix: "varlink")
        let path = directory.file("stale.sock")
        let queue = DispatchQueue(label: "stale")
        // Given a socket file that nobody listens on any more
        let first = VarlinkServer(info: info, queue: queue)
        try queue.sync { try first.listen(path: path) }
        queue.sync { first.stop() }
        let leftover = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        _ = UnixSocket.withAddress(path) { bind(leftover, $0, $1) }
        close(leftover)
        #expect(FileManager.default.fileExists(atPath: path))

        // When a server listens there
        let second = VarlinkServer(info: info, queue: queue)
        try queue.sync { try second.listen(path: path) }

        // Then it answers, and its socket file is gone after stop
        #expect(try VarlinkClient(path: path).call("org.varlink.service.GetInfo")["product"] == "p")
        queue.sync { second.stop() }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a second server refuses a path where another one answers")
    func liveSocketRefused() throws {
        let service = try PingService()
        let queue = DispatchQueue(label: "second")
        let second = VarlinkServer(info: info, queue: queue)

        #expect(throws: VarlinkServerError.addressInUse(path: service.path)) {
            try queue.sync { try second.listen(path: service.path) }
        }
        #expect(service.pingsBack())
    }

    @Test("a file that is not a socket is left alone")
    func regularFileRefused() throws {
        let directory = TemporaryDirectory(prefix: "varlink")
        let path = directory.write("data", "keep me")
        let queue = DispatchQueue(label: "file")
        let server = VarlinkServer(info: info, queue: queue)

        #expect(throws: VarlinkServerError.notASocket(path: path)) { try queue.sync { try server.listen(path: path) } }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test("the socket file lets every local user connect by default")
    func socketMode() throws {
        let service = try PingService()
        var status = stat()

        #expect(lstat(service.path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o666)
    }
}
