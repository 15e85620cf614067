import Foundation
import InspectTesting
import Testing

@Suite("inspectd as a process", .serialized)
struct DaemonProcessTests {
    @Test("it migrates the database, says READY=1, and on SIGTERM says STOPPING=1, flushes and exits 0")
    func startAndStop() async throws {
        let directory = TemporaryDirectory(prefix: "inspectd-daemon")
        let database = directory.file("inspectd.db")
        let harness = try NotifySocketHarness()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProducts.inspectd)
        process.arguments = ["--database", database, "--socket", directory.file("io.inspectd")]
        process.environment = ProcessInfo.processInfo.environment.merging(harness.environment()) { _, new in new }
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()

        _ = try await harness.waitFor("READY=1")
        #expect(FileManager.default.fileExists(atPath: database))
        kill(process.processIdentifier, SIGTERM)
        let messages = try await harness.waitFor("STOPPING=1")
        process.waitUntilExit()

        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(messages.firstIndex(of: "READY=1")! < messages.firstIndex(of: "STOPPING=1")!)
        let outbox = try ProcessRunner.run(
            "/usr/bin/sqlite3", [database, "SELECT kind, sent_at IS NOT NULL FROM outbox ORDER BY id"])
        let expected =
            Journald.isAnswering ? "daemon-started|1\ndaemon-stopping|1\n" : "daemon-started|0\ndaemon-stopping|0\n"
        #expect(outbox.stdout == expected)
    }

    @Test("its log's times are in the configured zone, not the system's")
    func logTimesInTheConfiguredZone() async throws {
        // Given a system in UTC and a configuration in Tokyo's zone (UTC+9, no daylight saving)
        let daemon = try DaemonFixture(config: "[Calendar]\nTimeZone=Asia/Tokyo\n")
        try await daemon.start(environment: ["TZ": "UTC"])
        #expect(daemon.stop() == 0)
        // Then each log line starts with a local time and its offset
        let lines = try String(contentsOfFile: daemon.log, encoding: .utf8).split(separator: "\n")
            .filter { $0.contains(" inspectd: ") }
        try #require(lines.contains { $0.hasSuffix("] ready") })
        for line in lines {
            let time = line.prefix { $0 != " " }
            #expect(time.count == 25 && time.hasSuffix("+09:00"), "\(line)")
        }
    }

    @Test("a database it cannot create makes it exit 73 with the reason")
    func badDatabase() throws {
        let result = try ProcessRunner.run(BuiltProducts.inspectd, ["--database", "/nonexistent/inspectd.db"])
        #expect(result.status == 73)
        #expect(
            result.stderr
                == "inspectd: cannot create database /nonexistent/inspectd.db: directory /nonexistent does not exist\n")
    }

    @Test("--check-config accepts the shipped configuration and exits 78 with file:line for a bad one")
    func checkConfig() throws {
        let shipped = BuiltProducts.repository + "/etc/inspectd/inspectd.conf"
        let good = try ProcessRunner.run(BuiltProducts.inspectd, ["--check-config", "--config", shipped])
        #expect(good.status == 0)
        #expect(good.stdout.contains("time zone Asia/Ho_Chi_Minh"))
        #expect(good.stdout.contains(", 7 escalation rules"))

        let directory = TemporaryDirectory(prefix: "inspectd-config")
        let bad = directory.write("inspectd.conf", "[Calendar]\nTimeZone=Mars/Olympus_Mons\n")
        let result = try ProcessRunner.run(BuiltProducts.inspectd, ["--check-config", "--config", bad])
        #expect(result.status == 78)
        #expect(result.stderr.hasPrefix("inspectd: \(bad):2: "))
        let missing = try ProcessRunner.run(
            BuiltProducts.inspectd, ["--check-config", "--config", directory.file("nope.conf")])
        #expect(missing.status == 78)
        #expect(missing.stderr == "inspectd: \(directory.file("nope.conf")): no such file\n")
    }
}

@Suite("Keeping the record safe", .serialized)
struct RecordSafetyTests {
    @Test(
        "a backup taken while the daemon writes is consistent and verifies; it never overwrites",
        arguments: CLIMode.allCases)
    func backup(mode: CLIMode) throws {
        let cli = try CLIFixture.seeded(mode: mode)
        for _ in 1...20 { try cli.ok(["finding", "log", "--inspection", "1", "--type", "DRESS"]) }
        let copy = cli.directory.file("backup.db")
        let result = try ProcessRunner.run(
            BuiltProducts.inspectctl, ["backup", copy, "--database", cli.database, "--config", cli.config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("20 findings, the chain verifies"))
        let verify = try ProcessRunner.run(
            BuiltProducts.inspectctl, ["verify", "--database", copy, "--config", cli.config])
        #expect(verify.status == 0)
        let again = try ProcessRunner.run(
            BuiltProducts.inspectctl, ["backup", copy, "--database", cli.database, "--config", cli.config])
        #expect(again.status == 73, "sysexits' cannot create")
        #expect(
            again.stderr
                == "inspectctl: backup: cannot create database \(copy): the file exists; a backup never overwrites one\n"
        )
    }

    @Test("the daemon refuses to start on a record whose chain was tampered with, exit 65, and leaves it as it is")
    func refusesDamagedRecord() throws {
        let cli = try CLIFixture.seeded()
        for _ in 1...3 { try cli.ok(["finding", "log", "--inspection", "1", "--type", "DRESS"]) }
        _ = try ProcessRunner.run(
            "/usr/bin/sqlite3",
            [cli.database, "DROP TRIGGER finding_is_not_updated; UPDATE finding SET note = 'edited' WHERE id = 2;"])
        let before = try cli.dump()
        let result = try ProcessRunner.run(
            BuiltProducts.inspectd, ["--database", cli.database, "--config", cli.config, "--socket", cli.socket])
        #expect(result.status == 65)
        #expect(result.stderr.contains("do not verify: finding 2: contents do not match its hash"))
        #expect(try cli.dump() == before)
    }
}
