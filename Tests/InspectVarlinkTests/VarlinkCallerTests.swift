import Foundation
import Glibc
import InspectTesting
import Testing

@testable import InspectVarlink

@Suite("Varlink server: who is calling (SO_PEERCRED)")
struct VarlinkCallerTests {
    @Test("the caller's pid, uid, gid and names come from the kernel and the user database")
    func ownIdentity() throws {
        let service = try PingService()

        let reply = try service.client().call("org.example.ping.WhoAmI")

        #expect(reply["pid"] == .int(Int64(getpid())))
        #expect(reply["uid"] == .int(Int64(getuid())))
        #expect(reply["gid"] == .int(Int64(getgid())))
        if getuid() == 0 {
            #expect(reply["user"] == "root")
            #expect(reply["groups"]?.decodeArray()?.first == "root")
        }
    }

    @Test("root resolves to the user root, primary group first")
    func resolvingRoot() {
        let caller = VarlinkCaller.resolving(pid: 1, uid: 0, gid: 0)

        #expect(caller.userName == "root")
        #expect(caller.groupNames.first == "root")
    }

    @Test("a uid the user database does not know has no names but keeps its numbers")
    func unknownUser() {
        let caller = VarlinkCaller.resolving(pid: 1, uid: 4_000_000_000, gid: 4_000_000_000)

        #expect(caller == VarlinkCaller(pid: 1, uid: 4_000_000_000, gid: 4_000_000_000, userName: nil, groupNames: []))
    }

    @Test(
        "a client running as nobody is seen as uid 65534",
        .enabled(if: getuid() == 0 && SystemTool.find("setpriv") != nil, "needs root and setpriv"))
    func nobodyClient() throws {
        let service = try PingService()
        let setpriv = try #require(SystemTool.find("setpriv"))
        let dropPrivileges = ["--reuid=65534", "--regid=65534", "--clear-groups"]
        // A Python the unprivileged user can run (a per-user installation under /root is out of its reach).
        let python = try #require(
            ["/usr/bin/python3", ProcessRunner.which("python3")].compactMap { $0 }.first { candidate in
                (try? ProcessRunner.run(setpriv, dropPrivileges + [candidate, "-c", "pass"]))?.status == 0
            }, "no python3 runnable as nobody")

        let result = try ProcessRunner.run(setpriv, dropPrivileges + [python, "-c", Self.whoAmIScript, service.path])

        #expect(result.status == 0, "\(result.stderr)")
        let reply = try JSONDecoder().decode(VarlinkValue.self, from: Data(result.stdout.utf8))
        #expect(reply["parameters"]?["uid"] == 65534)
        #expect(reply["parameters"]?["gid"] == 65534)
        if let entry = getpwuid(65534) {
            #expect(reply["parameters"]?["user"] == .string(String(cString: entry.pointee.pw_name)))
        }
    }

    /// Calls WhoAmI with nothing but the standard library and prints the raw reply.
    private static let whoAmIScript = """
        import json, socket, sys
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.connect(sys.argv[1])
        connection.sendall(json.dumps({"method": "org.example.ping.WhoAmI"}).encode() + b"\\0")
        data = b""
        while not data.endswith(b"\\0"):
            chunk = connection.recv(4096)
            if not chunk:
                break
            data += chunk
        print(data.rstrip(b"\\0").decode())
        """
}

extension VarlinkValue {
    fileprivate func decodeArray() -> [VarlinkValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }
}
