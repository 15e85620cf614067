import Foundation
import InspectTesting
import Testing

/// The daemon's API against an independent client, Python's `varlink` package (requirements-test.txt), and the roles
/// that follow from the caller's identity.
@Suite("The io.inspectd API", .serialized)
struct APIClientTests {
    static let python = ProcessRunner.which("python3")
    static let hasPythonVarlink: Bool =
        python.map { python in
            (try? ProcessRunner.run(python, ["-c", "import varlink"]))?.status == 0
        } ?? false

    @Test(
        "Python's varlink client introspects io.inspectd, logs a finding and gets an error with parameters",
        .enabled(if: hasPythonVarlink, "python3 with the varlink package is missing: run scripts/setup"))
    func pythonClient() throws {
        let cli = try CLIFixture.seeded(mode: .socket)
        let result = try ProcessRunner.run(Self.python!, ["-c", Self.script, "unix:" + cli.socket])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(report["interfaces"] as? [String] == ["org.varlink.service", "io.inspectd"])
        #expect(report["vendor"] as? String == "inspectd")
        #expect((report["methods"] as? [String])?.contains("LogFinding") == true)
        #expect((report["errors"] as? [String])?.contains("NotFound") == true)
        #expect(report["logged"] as? String == "BADGE")
        #expect(report["recordedBy"] as? String == "root")
        #expect(report["error"] as? String == "io.inspectd.NotFound")
        #expect(report["errorParameters"] as? [String: String] == ["kind": "inspection", "key": "99"])
        // The finding the Python client logged is in the record, as the CLI sees it.
        #expect(try cli.ok(["finding", "list"]).contains("logged from python"))
    }

    @Test(
        "a user outside the inspectd groups may read but not write: exit 77, and the refusal is journaled",
        .enabled(if: getuid() == 0 && ProcessRunner.which("setpriv") != nil, "needs root and setpriv"))
    func roles() throws {
        let cli = try CLIFixture.seeded(mode: .socket)
        chmod(cli.directory.path, 0o755)
        let asNobody = { (arguments: [String]) in
            try ProcessRunner.run(
                ProcessRunner.which("setpriv")!,
                ["--reuid=65534", "--regid=65534", "--clear-groups", BuiltProducts.inspectctl] + arguments
                    + ["--socket", cli.socket, "--config", cli.config],
                environment: ["INSPECTD_DATABASE": nil])
        }
        let read = try asNobody(["office", "list"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("UBND-NHANLY"))
        let before = try cli.dump()
        let write = try asNobody(["finding", "log", "--inspection", "1", "--type", "BADGE"])
        #expect(write.status == 77)
        #expect(
            write.stderr
                == "inspectctl: finding log: LogFinding needs the inspector role (group inspectd); nobody is a reader\n"
        )
        let reveal = try asNobody(["schedule", "--reveal"])
        #expect(reveal.status == 77)
        #expect(try cli.dump() == before)
        let denied = try ProcessRunner.run(
            "/usr/bin/sqlite3", [cli.database, "SELECT message FROM outbox WHERE kind = 'access-denied'"])
        #expect(denied.stdout.contains("LogFinding refused for nobody"))
        // Root, as the finding's recorder, is named from SO_PEERCRED.
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "BADGE"])
        #expect(try cli.ok(["--json", "finding", "list"]).contains("\"recordedBy\" : \"root\""))
    }

    @Test("without a daemon, a command says so and how to work directly")
    func daemonAbsent() throws {
        let cli = try CLIFixture(mode: .socket)
        let result = try ProcessRunner.run(
            BuiltProducts.inspectctl,
            ["office", "list", "--socket", cli.directory.file("absent.sock"), "--config", cli.config],
            environment: ["INSPECTD_DATABASE": nil])
        #expect(result.status == 69)
        #expect(result.stderr.contains("is the daemon running? (use --database PATH"))
    }

    private static let script = """
        import json, sys
        import varlink

        report = {}
        with varlink.Client(address=sys.argv[1]) as client:
            report["interfaces"] = client.get_interfaces()
            report["vendor"] = client.info["vendor"]
            interface = client.get_interface("io.inspectd")
            report["methods"] = sorted(
                name for name, member in interface.members.items() if isinstance(member, varlink.scanner._Method))
            report["errors"] = sorted(
                name for name, member in interface.members.items() if isinstance(member, varlink.scanner._Error))
            with client.open("io.inspectd") as api:
                view = api.LogFinding(inspection=1, violation="BADGE", staff="CL-00002", note="logged from python")
                report["logged"] = view["finding"]["violation"]
                report["recordedBy"] = view["finding"]["recordedBy"]
                try:
                    api.ShowInspection(id=99)
                except varlink.VarlinkError as error:
                    report["error"] = error.error()
                    report["errorParameters"] = error.parameters()
        print(json.dumps(report))
        """
}
