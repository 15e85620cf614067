import Foundation
import Glibc
import InspectTesting
import Testing

@testable import InspectVarlink

@Suite("Varlink client: failures of the connection")
struct VarlinkClientTests {
    @Test("no socket at the path is a connection error naming the path")
    func missingSocket() {
        let directory = TemporaryDirectory(prefix: "varlink")
        let path = directory.file("absent.sock")

        #expect(throws: VarlinkClientError.cannotConnect(path: path, errno: ENOENT)) {
            try VarlinkClient(path: path)
        }
    }

    @Test("a path too long for a socket address is refused before connecting")
    func longPath() {
        let path = "/tmp/" + String(repeating: "d", count: 200)

        #expect(throws: VarlinkClientError.pathTooLong(path: path)) { try VarlinkClient(path: path) }
    }

    @Test("a call that gets no reply within the timeout fails with timedOut")
    func timeout() throws {
        let service = try PingService()
        let client = try service.client(timeout: .milliseconds(200))
        defer { service.gate.release() }

        #expect(throws: VarlinkClientError.timedOut) { try client.call("org.example.ping.Hold") }
        #expect(service.gate.waitForEntry())
    }

    @Test("a reply longer than the client's limit fails the call")
    func replyTooLarge() throws {
        let service = try PingService()
        let client = try VarlinkClient(path: service.path, maxReplySize: 1000)

        #expect(throws: VarlinkClientError.replyTooLarge(limit: 1000)) {
            try client.call("org.example.ping.Blob", parameters: ["size": 5000])
        }
    }

    @Test("a server that goes away mid-conversation is reported as a closed connection")
    func serverGone() throws {
        let service = try PingService()
        let client = try service.client()
        #expect(service.waitForConnections(1))

        service.queue.sync { service.server.stop() }

        #expect(throws: VarlinkClientError.connectionClosed) {
            try client.call("org.example.ping.Ping", parameters: ["ping": "anyone?"])
        }
    }

    @Test("errors read as the cause, in systemd's 'Failed to …' style")
    func descriptions() {
        #expect(
            VarlinkClientError.cannotConnect(path: "/run/x", errno: ECONNREFUSED).description
                == "Failed to connect to /run/x: Connection refused")
        #expect(
            VarlinkServerError.addressInUse(path: "/run/x").description
                == "Failed to listen on /run/x: another server answers there")
        #expect(
            VarlinkError.invalidParameter("id").description
                == #"org.varlink.service.InvalidParameter {"parameter":"id"}"#)
        #expect(VarlinkSyntaxError(line: 3, reason: "unknown type 'X'").description == "line 3: unknown type 'X'")
    }
}
