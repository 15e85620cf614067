import Foundation
import InspectService
import InspectTesting
import Testing

/// How a test's `inspectctl` reaches the record: directly (`--database`) or through a running daemon (`--socket`).
enum CLIMode: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case direct, socket
    var testDescription: String { rawValue }
}

/// A temporary database driven through the real `inspectctl` binary, directly or through a real `inspectd`.
final class CLIFixture {
    let directory = TemporaryDirectory(prefix: "inspectctl-test")
    let mode: CLIMode
    private var daemon: Process?
    var database: String { directory.file("inspectd.db") }
    var socket: String { directory.file("io.inspectd") }
    /// The fixture's own configuration file, so the machine's /etc/inspectd never changes a test's outcome.
    var config: String { directory.file("inspectd.conf") }

    init(mode: CLIMode = .direct) throws {
        self.mode = mode
        directory.write("inspectd.conf", "")
        if mode == .socket { try startDaemon() }
    }

    /// Starts `inspectd` on the fixture's database and socket, and waits until the socket answers.
    func startDaemon() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProducts.inspectd)
        process.arguments = ["--database", database, "--config", config, "--socket", socket]
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("NOTIFY_") }
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        daemon = process
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: socket) && Date() < deadline { usleep(20000) }
        guard FileManager.default.fileExists(atPath: socket) else { throw FixtureError("inspectd did not listen") }
    }

    /// Has the daemon read its configuration again (SIGHUP), as `systemctl reload` does.
    func reloadDaemon() throws {
        guard let daemon, daemon.isRunning else { throw FixtureError("no daemon runs") }
        kill(daemon.processIdentifier, SIGHUP)
    }

    /// Runs `inspectctl` against this fixture's record.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String?] = [:]) throws -> ProcessResult {
        let target = mode == .direct ? ["--database", database] : ["--socket", socket]
        return try ProcessRunner.run(
            BuiltProducts.inspectctl, arguments + target + ["--config", config],
            environment: environment.merging([
                "INSPECTD_DATABASE": nil, "INSPECTD_CONFIG": nil, "INSPECTD_SOCKET": nil, "LANG": "C.UTF-8",
            ]) { mine, _ in mine })
    }

    /// Runs `inspectctl` and requires success, returning standard output.
    @discardableResult
    func ok(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 0, "inspectctl \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// Runs `inspectctl` with `--json`, requires success and decodes what it printed into the reply type the command
    /// encoded it from: a field renamed or retyped fails here, as it would for a script reading it.
    func json<Reply: Decodable>(_ type: Reply.Type, _ arguments: [String]) throws -> Reply {
        try JSONDecoder().decode(Reply.self, from: Data(ok(arguments + ["--json"]).utf8))
    }

    /// The record's identity, as `status --json` reports it (the service's `StatusReport` under `report`).
    func recordIdentity() throws -> String {
        struct Status: Decodable { var report: StatusReport }
        return try json(Status.self, ["status"]).report.record
    }

    /// The record as SQL text from the `sqlite3` tool, without the event outbox (a running daemon writes to it on its
    /// own): equal dumps mean the facts did not change.
    /// Runs SQL on the database with the `sqlite3` tool, as someone editing the file by hand would.
    @discardableResult
    func sql(_ statements: String) throws -> String {
        let result = try ProcessRunner.run("/usr/bin/sqlite3", [database, statements])
        guard result.status == 0 else { throw FixtureError("sqlite3: \(result.stderr)") }
        return result.stdout
    }

    func dump() throws -> String {
        try ProcessRunner.run("/usr/bin/sqlite3", [database, ".dump"]).stdout.split(separator: "\n")
            .filter { !$0.hasPrefix("INSERT INTO outbox") }.joined(separator: "\n")
    }

    /// Two communes, three staff, and inspection 1 open at Nhân Lý, since `openedAt` (a local time) or now.
    static func seeded(mode: CLIMode = .direct, openedAt: String? = nil) throws -> CLIFixture {
        let fixture = try CLIFixture(mode: mode)
        let offices = fixture.directory.write(
            "offices.csv",
            """
            code,name,parent,kind
            UBND-CHILANG,UBND huyện Chi Lăng,,district
            UBND-NHANLY,UBND xã Nhân Lý,UBND-CHILANG,commune
            UBND-BANGHUU,UBND xã Bằng Hữu,UBND-CHILANG,commune

            """)
        let staff = fixture.directory.write(
            "staff.csv",
            """
            badge,name,office,title,category
            CL-00001,Nông Thị Hoa,UBND-NHANLY,Chủ tịch UBND,cadre
            CL-00002,Vi Văn Lâm,UBND-NHANLY,Công chức Tư pháp – Hộ tịch,civil-servant
            CL-00003,Lộc Thị Mai,UBND-BANGHUU,"Công chức Văn phòng, Thống kê",civil-servant

            """)
        try fixture.ok(["office", "import", offices])
        try fixture.ok(["staff", "import", staff])
        try fixture.ok(
            ["inspection", "open", "--office", "UBND-NHANLY", "--team", "Đoàn 1"]
                + (openedAt.map { ["--at", $0] } ?? []))
        return fixture
    }

    deinit {
        if let daemon, daemon.isRunning {
            // SIGKILL: a child of the test runner inherits its blocked SIGTERM.
            kill(daemon.processIdentifier, SIGKILL)
            daemon.waitUntilExit()
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
