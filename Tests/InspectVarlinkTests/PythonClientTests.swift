import Foundation
import InspectTesting
import Testing

@testable import InspectVarlink

/// Our server against an independent implementation: the `varlink` package for Python (pinned in
/// requirements-test.txt, installed by scripts/setup).
@Suite("Varlink server: the Python varlink client")
struct PythonClientTests {
    static let python: String? = ProcessRunner.which("python3")

    static let packageVersion: String? = python.flatMap { python in
        let result = try? ProcessRunner.run(
            python, ["-c", "import importlib.metadata as m, varlink; print(m.version('varlink'))"])
        guard let result, result.status == 0 else { return nil }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(
        "the Python client introspects, calls, streams and gets errors with parameters",
        .enabled(if: packageVersion != nil, "python3 with the varlink package is missing: run scripts/setup"))
    func pythonClient() throws {
        let service = try PingService()
        let python = try #require(Self.python)

        let result = try ProcessRunner.run(python, ["-c", Self.script, "unix:" + service.path])

        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONDecoder().decode(VarlinkValue.self, from: Data(result.stdout.utf8))
        #expect(report["interfaces"] == ["org.varlink.service", "org.example.ping"])
        #expect(report["vendor"] == "inspectd")
        #expect(report["methods"] == ["Blob", "Count", "Defer", "Fail", "Hold", "Later", "Note", "Ping", "WhoAmI"])
        #expect(report["errors"] == ["NotToday"])
        #expect(report["pong"] == "hello from python")
        #expect(report["error"] == "org.example.ping.NotToday")
        #expect(report["errorParameters"] == ["reason": "why", "detail": ["code": 7, "hint": "try tomorrow"]])
        #expect(report["counted"] == [0, 1, 2])
        #expect(report["unknown"] == "org.varlink.service.MethodNotFound")
        #expect(report["version"] == .string(Self.packageVersion ?? ""))
    }

    /// Introspects with GetInfo and GetInterfaceDescription (the client parses our description to build its proxy),
    /// then calls through the proxy; prints one JSON report.
    private static let script = """
        import importlib.metadata, json, sys
        import varlink

        report = {"version": importlib.metadata.version("varlink")}
        with varlink.Client(address=sys.argv[1]) as client:
            report["interfaces"] = client.get_interfaces()
            report["vendor"] = client.info["vendor"]
            interface = client.get_interface("org.example.ping")
            report["methods"] = sorted(
                name for name, member in interface.members.items() if isinstance(member, varlink.scanner._Method))
            report["errors"] = sorted(
                name for name, member in interface.members.items() if isinstance(member, varlink.scanner._Error))
            with client.open("org.example.ping") as ping:
                report["pong"] = ping.Ping("hello from python")["pong"]
                try:
                    ping.Fail("why")
                except varlink.VarlinkError as error:
                    report["error"] = error.error()
                    report["errorParameters"] = error.parameters()
                report["counted"] = [reply["index"] for reply in ping.Count(3, _more=True)]
            with client.open_connection() as connection:
                connection.sendall(b'{"method":"org.example.ping.Nothing"}\\0')
                data = b""
                while not data.endswith(b"\\0"):
                    data += connection.recv(4096)
                report["unknown"] = json.loads(data[:-1])["error"]
        print(json.dumps(report))
        """
}
