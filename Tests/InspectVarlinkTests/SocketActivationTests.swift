import Foundation
import Glibc
import InspectTesting
import Testing

@testable import InspectVarlink

@Suite("Socket activation")
struct SocketActivationTests {
    @Test("LISTEN_FDS and LISTEN_FDNAMES for this process give descriptors from 3 with their names")
    func namedSockets() throws {
        let sockets = try SocketActivation.sockets(
            environment: ["LISTEN_PID": "42", "LISTEN_FDS": "2", "LISTEN_FDNAMES": "varlink:metrics"], processID: 42)

        #expect(sockets == [.init(descriptor: 3, name: "varlink"), .init(descriptor: 4, name: "metrics")])
    }

    @Test("without LISTEN_FDNAMES every socket is 'unknown'")
    func unnamedSockets() throws {
        let sockets = try SocketActivation.sockets(environment: ["LISTEN_PID": "7", "LISTEN_FDS": "1"], processID: 7)

        #expect(sockets == [.init(descriptor: 3, name: "unknown")])
    }

    @Test("variables meant for another process, or none at all, mean no sockets")
    func notForUs() throws {
        #expect(try SocketActivation.sockets(environment: [:], processID: 7) == [])
        #expect(try SocketActivation.sockets(environment: ["LISTEN_PID": "8", "LISTEN_FDS": "1"], processID: 7) == [])
    }

    @Test(
        "malformed variables are errors",
        arguments: [
            (
                ["LISTEN_PID": "seven", "LISTEN_FDS": "1"],
                SocketActivationError.invalidValue(name: "LISTEN_PID", value: "seven")
            ),
            (["LISTEN_PID": "7", "LISTEN_FDS": "-1"], .invalidValue(name: "LISTEN_FDS", value: "-1")),
            (["LISTEN_PID": "7"], .invalidValue(name: "LISTEN_FDS", value: "")),
            (
                ["LISTEN_PID": "7", "LISTEN_FDS": "2", "LISTEN_FDNAMES": "one"],
                .invalidValue(name: "LISTEN_FDNAMES", value: "one")
            ),
        ])
    func malformed(environment: [String: String], expected: SocketActivationError) {
        #expect(throws: expected) { try SocketActivation.sockets(environment: environment, processID: 7) }
    }

    @Test("a descriptor that is not a listening socket is not adopted")
    func adoptRejectsConnectedSocket() throws {
        var pair: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
        defer {
            for descriptor in pair { close(descriptor) }
        }
        let queue = DispatchQueue(label: "adopt")
        let server = VarlinkServer(info: .init(vendor: "v", product: "p", version: "1", url: "u"), queue: queue)

        #expect(throws: VarlinkServerError.notAListeningSocket(descriptor: pair[0])) {
            try queue.sync { try server.adopt(listeningDescriptor: pair[0]) }
        }
    }

    @Test(
        "a service started by systemd-socket-activate serves on the socket it was passed",
        .enabled(if: SystemTool.find("systemd-socket-activate") != nil, "systemd-socket-activate is not installed"))
    func systemdSocketActivate() throws {
        let directory = TemporaryDirectory(prefix: "varlink")
        let path = directory.file("echo.sock")
        let echo = BuiltProducts.directory + "/varlink-echo"
        try #require(FileManager.default.isExecutableFile(atPath: echo), "build varlink-echo first")
        let activator = Process()
        activator.executableURL = URL(fileURLWithPath: try #require(SystemTool.find("systemd-socket-activate")))
        activator.arguments = ["-l", path, "--fdname=varlink", echo]
        activator.standardError = FileHandle.nullDevice
        try activator.run()
        let activatorID = activator.processIdentifier
        try #require(activatorID > 0)
        defer {
            // SIGKILL: once a test has run a daemon in process, which ignores SIGTERM to receive it through a Dispatch
            // source, the runner's children inherit SIGTERM ignored, and waiting for this one hung the run.
            kill(activatorID, SIGKILL)
            activator.waitUntilExit()
        }
        // The socket's file appears when the activator binds it, a moment before it listens: until then a
        // connection is refused, so connect until one is taken. The first connection starts the service on the
        // passed socket; it is the activator's own process, which execs the service in place.
        var connected: VarlinkClient?
        #expect(
            waitUntil {
                connected = try? VarlinkClient(path: path)
                return connected != nil
            })
        let client = try #require(connected)
        let reply = try client.call("org.example.echo.Echo", parameters: ["text": "activated"])
        let info = try client.call("org.varlink.service.GetInfo")

        #expect(reply["text"] == "activated")
        #expect(reply["pid"] == .int(Int64(activatorID)))
        #expect(info["product"] == "varlink-echo")
        #expect(info["interfaces"] == ["org.varlink.service", "org.example.echo"])
    }
}
