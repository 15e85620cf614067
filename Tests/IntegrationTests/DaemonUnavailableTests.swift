import Foundation
import InspectTesting
import Testing

/// A daemon that is not there, does not answer or fails is reported as unavailable (69), never as a storage error
/// (74): the record was not the problem. Each case is a real process on the socket's path.
@Suite("inspectctl without a working daemon")
struct DaemonUnavailableTests {
    static let python = ProcessRunner.which("python3")

    /// A socket file whose process has gone: bound, never listened on, the process exited.
    @Test("a socket nobody listens on exits 69", .enabled(if: python != nil, "needs python3"))
    func nobodyListens() throws {
        let directory = TemporaryDirectory(prefix: "unavailable")
        let socket = directory.file("io.inspectd")
        let bind = try ProcessRunner.run(
            Self.python!, ["-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", socket])
        try #require(bind.status == 0 && FileManager.default.fileExists(atPath: socket), "\(bind.stderr)")
        let result = try Self.inspectctl(["office", "list"], socket: socket, directory: directory)
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("inspectctl: office list: cannot reach inspectd at \(socket)"))
    }

    /// A daemon killed while it holds the call: it read the request and died before answering.
    @Test("a daemon killed mid-call exits 69 and says a write may have been made", .enabled(if: python != nil))
    func killedMidCall() throws {
        let directory = TemporaryDirectory(prefix: "unavailable")
        let socket = directory.file("io.inspectd")
        let standIn = try Self.standIn(socket: socket, then: "os.kill(os.getpid(), signal.SIGKILL)")
        let result = try Self.inspectctl(
            ["office", "add", "UBND-X", "--name", "X", "--kind", "commune"], socket: socket, directory: directory)
        standIn.waitUntilExit()
        #expect(standIn.terminationReason == .uncaughtSignal && standIn.terminationStatus == SIGKILL)
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains("the daemon at \(socket) did not answer"))
        #expect(result.stderr.contains("the change may have been made all the same"))
    }

    /// A daemon that answers with an error of its own machinery, not one of io.inspectd's.
    @Test("a daemon that fails exits 69", .enabled(if: python != nil))
    func daemonFails() throws {
        let directory = TemporaryDirectory(prefix: "unavailable")
        let socket = directory.file("io.inspectd")
        let standIn = try Self.standIn(
            socket: socket, then: #"connection.sendall(b'{"error":"org.varlink.service.InternalError"}\0')"#)
        let result = try Self.inspectctl(["office", "list"], socket: socket, directory: directory)
        standIn.waitUntilExit()
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains("the daemon failed"))
    }

    private static func inspectctl(
        _ arguments: [String], socket: String, directory: TemporaryDirectory
    ) throws
        -> ProcessResult
    {
        let config = directory.write("inspectd.conf", "")
        return try ProcessRunner.run(
            BuiltProducts.inspectctl, arguments + ["--socket", socket, "--config", config],
            environment: ["INSPECTD_DATABASE": nil, "LANG": "C.UTF-8"])
    }

    /// Starts a process that listens on `socket`, accepts one connection, reads one call and then runs `then`.
    /// It listens under another name and is renamed into place, so the socket exists only once it is listened on.
    private static func standIn(socket: String, then action: String) throws -> Process {
        let script = """
            import os, signal, socket, sys
            listener = socket.socket(socket.AF_UNIX)
            listener.bind(sys.argv[1] + ".new")
            listener.listen(1)
            os.rename(sys.argv[1] + ".new", sys.argv[1])
            connection, _ = listener.accept()
            call = b""
            while not call.endswith(b"\\0"):
                call += connection.recv(4096)
            \(action)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = ["-c", script, socket]
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: socket) && Date() < deadline { usleep(20000) }
        guard FileManager.default.fileExists(atPath: socket) else {
            process.terminate()
            throw StandInError()
        }
        return process
    }

    private struct StandInError: Error, CustomStringConvertible {
        var description: String { "the stand-in daemon did not listen" }
    }
}
