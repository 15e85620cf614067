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
        process.arguments = ["--database", database]
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
        let expected = Journald.isAnswering ? "daemon-started|1\ndaemon-stopping|1\n" : "daemon-started|0\ndaemon-stopping|0\n"
        #expect(outbox.stdout == expected)
    }

    @Test("a database it cannot create makes it exit 73 with the reason")
    func badDatabase() throws {
        let result = try ProcessRunner.run(BuiltProducts.inspectd, ["--database", "/nonexistent/inspectd.db"])
        #expect(result.status == 73)
        #expect(result.stderr == "inspectd: cannot create database /nonexistent/inspectd.db: directory /nonexistent does not exist\n")
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
        let missing = try ProcessRunner.run(BuiltProducts.inspectd, ["--check-config", "--config", directory.file("nope.conf")])
        #expect(missing.status == 78)
        #expect(missing.stderr == "inspectd: \(directory.file("nope.conf")): no such file\n")
    }
}
