import Foundation
import InspectTesting
import Testing

/// An office and an inspection scheduled `due` seconds from now, its window closing `window` seconds later, put on
/// the schedule the way an administrator can (`inspection import`): written into the file by hand, it would be a
/// change inspectd never made, and the daemon would refuse the record at its next start.
private func scheduleInspection(_ daemon: DaemonFixture, due: Int, window: Int) throws -> Int64 {
    if try daemon.ctl(["office", "show", "UBND-NHANLY"]).status != 0 {
        try daemon.ctl(["office", "add", "UBND-NHANLY", "--name", "UBND xã Nhân Lý", "--kind", "commune"])
    }
    let now = Date()
    let id =
        (Int64(
            try daemon.sql("SELECT coalesce(max(id), 0) FROM inspection WHERE id < 9000000000")
                .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) + 1
    let time = { (offset: Int) in ISO8601DateFormatter().string(from: now.addingTimeInterval(TimeInterval(offset))) }
    let file = daemon.directory.write(
        "schedule-\(id).csv",
        "id,office,kind,status,plan,due_at,window_end\n\(id),UBND-NHANLY,planned,scheduled,test,\(time(due)),"
            + "\(time(due + window))\n")
    let imported = try daemon.ctl(["inspection", "import", file])
    guard imported.status == 0 else { throw FixtureError("inspection import: \(imported.stderr)") }
    return id
}

@Suite("inspectd's loop as a process", .serialized)
struct DaemonLoopTests {
    @Test("READY, STATUS and WATCHDOG pings, RELOADING then READY on SIGHUP, STOPPING on SIGTERM, in order")
    func protocolOrder() async throws {
        let daemon = try DaemonFixture()
        try await daemon.start(watchdog: .milliseconds(400))
        _ = try await daemon.harness.waitUntil("two watchdog pings") { $0.filter { $0 == "WATCHDOG=1" }.count >= 2 }
        daemon.signal(SIGHUP)
        _ = try await daemon.harness.waitUntil("READY=1 after RELOADING=1") { messages in
            guard let reloading = messages.firstIndex(of: "RELOADING=1") else { return false }
            return messages[reloading...].contains("READY=1")
        }
        #expect(try daemon.ctl(["status"]).stdout.hasPrefix("Daemon:         running\n"))
        #expect(daemon.stop() == 0)
        let stopped = try daemon.ctl(["--json", "status"]).stdout
        #expect(stopped.contains("\"daemonRunning\" : false"))
        #expect(stopped.contains("inspectd stopping on signal 15"))
        let messages = daemon.harness.messages
        let ready = try #require(messages.firstIndex(of: "READY=1"))
        let reloading = try #require(messages.firstIndex(of: "RELOADING=1"))
        let stopping = try #require(messages.firstIndex(of: "STOPPING=1"))
        #expect(ready < reloading && reloading < stopping)
        #expect(messages.contains { $0.hasPrefix("STATUS=") && $0.contains("open") })
        #expect(messages.contains { $0.hasPrefix("MONOTONIC_USEC=") })
    }

    @Test("catch-up on start: what fell due while it was down is due or missed exactly once")
    func catchUp() async throws {
        let daemon = try DaemonFixture()
        let open = try scheduleInspection(daemon, due: -600, window: 3600)
        let closed = try scheduleInspection(daemon, due: -7200, window: 600)
        try await daemon.start()
        #expect(daemon.stop() == 0)
        try await daemon.start()
        #expect(daemon.stop() == 0)
        #expect(try daemon.sql("SELECT id, status FROM inspection ORDER BY id") == "\(open)|due\n\(closed)|missed\n")
        let events = try daemon.sql("SELECT kind, fields FROM outbox WHERE kind LIKE 'inspection-%' ORDER BY id")
        #expect(events.split(separator: "\n").count == 2, "\(events)")
    }

    @Test(
        "a wall clock a day ahead handles the skipped span once; back at the real time nothing repeats",
        .enabled(if: ProcessRunner.which("faketime") != nil, "faketime is not installed"),
        // libfaketime and the sanitizers' runtimes both interpose the clock functions: the daemon never starts.
        .disabled(if: ProcessInfo.processInfo.environment["INSPECTD_SANITIZER"] != nil, "not under a sanitizer"))
    func clockJump() async throws {
        let daemon = try DaemonFixture()
        let tomorrow = try scheduleInspection(daemon, due: 3 * 3600, window: 3600)
        let later = try scheduleInspection(daemon, due: 20 * 3600, window: 86400)
        try await daemon.start(prefix: [ProcessRunner.which("faketime")!, "-f", "+1d"])
        #expect(daemon.stop() == 0)
        #expect(
            try daemon.sql("SELECT status FROM inspection WHERE id IN (\(tomorrow), \(later)) ORDER BY id")
                == "missed\ndue\n")
        try await daemon.start()
        #expect(daemon.stop() == 0)
        let marks = try daemon.sql("SELECT count(*) FROM outbox WHERE kind IN ('inspection-due', 'inspection-missed')")
        #expect(marks == "2\n")
    }

    @Test("SIGHUP applies a valid changed plan and keeps running on an invalid one, reporting file:line")
    func reload() async throws {
        let daemon = try DaemonFixture()
        try daemon.ctl(["office", "add", "PNV", "--name", "Phòng Nội vụ", "--kind", "department"])
        try await daemon.start()
        let plans = daemon.directory.file("plans.d")
        try FileManager.default.createDirectory(atPath: plans, withIntermediateDirectories: true)
        daemon.directory.write(
            "plans.d/monthly.conf", "[Plan]\nKind=planned\nOfficeKinds=department\nOnCalendar=*-*-* 08:00\n")
        daemon.signal(SIGHUP)
        _ = try await daemon.harness.waitUntil("READY=1 after the first reload") {
            $0.filter { $0 == "READY=1" }.count >= 2
        }
        #expect(try daemon.sql("SELECT count(*) FROM inspection WHERE plan = 'monthly'") != "0\n")

        daemon.directory.write("inspectd.conf", "[Hours]\nGraceMinutes=500\n")
        daemon.signal(SIGHUP)
        _ = try await daemon.harness.waitUntil("READY=1 after the second reload") {
            $0.filter { $0 == "READY=1" }.count >= 3
        }
        let invalid = try daemon.sql("SELECT message FROM outbox WHERE kind = 'config-invalid'")
        #expect(invalid.contains("\(daemon.config):2:"))
        #expect(daemon.process?.isRunning == true)
        #expect(daemon.stop() == 0)
    }

    @Test(
        "a due event reaches the real journal with its message id, within a second of its instant",
        .enabled(if: Journald.testsCanRun, Comment(rawValue: Journald.unavailableReason)))
    func dueInJournal() async throws {
        try #require(Journald.isAnswering, "no journald answers")
        let daemon = try DaemonFixture()
        try await daemon.start()
        let id = try scheduleInspection(daemon, due: 2, window: 60)
        let dueAt = try daemon.sql("SELECT due_at FROM inspection WHERE id = \(id)").trimmingCharacters(
            in: .whitespacesAndNewlines)
        try daemon.ctl(["office", "add", "NUDGE", "--name", "nudge"])
        let entries = try await Journald.entries(
            matching: [
                "MESSAGE_ID=1b49ac2f414e4cda95dc7907ae1273b1", "INSPECTD_INSPECTION=\(id)", "_PID=\(daemon.daemonPID!)",
            ])
        #expect(daemon.stop() == 0)
        let entry = try #require(entries.first)
        #expect(entry["SYSLOG_IDENTIFIER"] == "inspectd")
        #expect(entry["INSPECTD_OFFICE"] == "UBND-NHANLY")
        let lateness = (Double(entry["__REALTIME_TIMESTAMP"] ?? "0")! / 1e6) - Double(dueAt)!
        #expect(lateness >= 0 && lateness < 1, "due event \(lateness) s after its instant")
    }
}

@Suite("inspectd stops cleanly during a burst of writes", .serialized)
struct DaemonBurstTests {
    @Test("SIGTERM while the CLI logs findings: every acknowledged finding is kept, the chain verifies, events drain")
    func sigtermDuringBurst() async throws {
        let daemon = try DaemonFixture()
        try daemon.ctl(["office", "add", "UBND-NHANLY", "--name", "UBND xã Nhân Lý", "--kind", "commune"])
        try daemon.ctl(["inspection", "open", "--office", "UBND-NHANLY"])
        try await daemon.start()
        let (database, config) = (daemon.database, daemon.config)
        let acknowledged = startOnOwnThread { () -> Int in
            var count = 0
            for index in 0..<40 {
                let result = try? ProcessRunner.run(
                    BuiltProducts.inspectctl,
                    [
                        "finding", "log", "--inspection", "1", "--type", "DRESS", "--note", "n\(index)", "--database",
                        database, "--config", config,
                    ])
                if result?.status == 0 { count += 1 }
            }
            return count
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(daemon.stop() == 0)
        let count = try await acknowledged.value
        #expect(count == 40, "inspectctl works in direct mode without the daemon")
        #expect(try daemon.sql("SELECT count(*) FROM finding") == "\(count)\n")
        #expect(try daemon.ctl(["verify"]).status == 0)
        try await daemon.start()
        #expect(daemon.stop() == 0)
        if Journald.isAnswering {
            // The CLI claims its own events for a minute; the daemon sends any that were left after that.
            let pending = try daemon.sql(
                "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND claimed_by LIKE 'inspectd:%'")
            #expect(pending == "0\n")
        }
    }
}
