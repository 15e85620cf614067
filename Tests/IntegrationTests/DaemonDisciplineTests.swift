import Foundation
import InspectTesting
import Testing

/// Office Nhân Lý with one person and an open inspection, through the CLI.
private func seed(_ daemon: DaemonFixture) throws {
    try daemon.ctl(["office", "add", "UBND-NHANLY", "--name", "UBND xã Nhân Lý", "--kind", "commune"])
    try daemon.ctl(["staff", "add", "CL-1", "--name", "Nông Thị Hoa", "--office", "UBND-NHANLY"])
    try daemon.ctl(["inspection", "open", "--office", "UBND-NHANLY"])
}

/// Starts the daemon with its clock set to `seconds` (Unix time) and running on from there: time passing is played
/// with `faketime`, not by moving the record's instants, which would be a change inspectd never made.
private func start(_ daemon: DaemonFixture, at seconds: Int64) async throws {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    let at = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    try await daemon.start(
        prefix: [ProcessRunner.which("faketime")!, "-f", "@" + at],
        environment: ["TZ": "UTC", "FAKETIME_DONT_FAKE_MONOTONIC": "1"])
}

@Suite(
    "inspectd: overdue corrective actions and follow-ups on its timer", .serialized,
    .enabled(if: ProcessRunner.which("faketime") != nil, "faketime is not installed"),
    // libfaketime and the sanitizers' runtimes both interpose the clock functions: the daemon never starts.
    .disabled(if: ProcessInfo.processInfo.environment["INSPECTD_SANITIZER"] != nil, "not under a sanitizer"))
struct DaemonDisciplineTests {
    @Test("an open corrective action is reported overdue at its due instant, once, also after a restart")
    func overdueOnce() async throws {
        let daemon = try DaemonFixture()
        try seed(daemon)
        try daemon.ctl(["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-1"])
        let tomorrow = try #require(
            Calendar.current.date(byAdding: .day, value: 1, to: Date()).map {
                ISO8601DateFormatter.string(
                    from: $0, timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!, formatOptions: [.withFullDate])
            })
        #expect(try daemon.ctl(["finding", "action", "1", "--require", "Đeo thẻ", "--due", tomorrow]).status == 0)
        let second = try daemon.ctl(["finding", "log", "--inspection", "1", "--type", "SMOKE"])
        #expect(second.status == 0)
        #expect(
            try daemon.ctl(["finding", "action", "2", "--require", "Không hút thuốc", "--due", tomorrow]).status == 0)
        #expect(try daemon.ctl(["finding", "action", "2", "--done"]).status == 0)
        // Time passes: the daemon starts two seconds before the actions are due; the second was done in time.
        let due = Int64(
            try daemon.sql("SELECT min(due_at) FROM corrective_action").trimmingCharacters(in: .whitespacesAndNewlines))!
        try await start(daemon, at: due - 2)
        try await Task.sleep(for: .seconds(5))
        #expect(try daemon.sql("SELECT count(*) FROM outbox WHERE kind = 'action-overdue'") == "1\n")
        let overdue = try daemon.sql("SELECT fields FROM outbox WHERE kind = 'action-overdue'")
        #expect(overdue.contains("\"ACTION\":\"1\""))
        let reportedAt = try daemon.sql("SELECT overdue_at - due_at FROM corrective_action WHERE id = 1")
        #expect(reportedAt == "0\n" || reportedAt == "1\n", "reported at its due instant, not later: \(reportedAt)")
        #expect(daemon.stop() == 0)
        try await daemon.start()
        #expect(daemon.stop() == 0)
        #expect(try daemon.sql("SELECT count(*) FROM outbox WHERE kind = 'action-overdue'") == "1\n")
        #expect(try daemon.sql("SELECT id FROM corrective_action WHERE overdue_at IS NOT NULL") == "1\n")
    }

    @Test("a follow-up falls due on the daemon's timer like any inspection, and its seed is revealed then")
    func followUpDue() async throws {
        let daemon = try DaemonFixture()
        try seed(daemon)
        try daemon.ctl(["finding", "log", "--inspection", "1", "--type", "ABSENT", "--staff", "CL-1"])
        #expect(
            try daemon.ctl(["inspection", "close", "1", "--checked", "1"]).stdout.contains("Follow-up inspection 2"))
        try await daemon.start()
        #expect(try daemon.sql("SELECT count(*) FROM outbox WHERE kind = 'follow-up-revealed'") == "0\n")
        #expect(daemon.stop() == 0)
        // Time passes: the daemon starts two seconds before the follow-up's instant.
        let due = Int64(
            try daemon.sql("SELECT due_at FROM inspection WHERE id = 2").trimmingCharacters(in: .whitespacesAndNewlines)
        )!
        try await start(daemon, at: due - 2)
        try await Task.sleep(for: .seconds(5))
        #expect(daemon.stop() == 0)
        #expect(try daemon.sql("SELECT status FROM inspection WHERE id = 2") == "due\n")
        let kinds = try daemon.sql(
            "SELECT kind FROM outbox WHERE kind IN ('follow-up-scheduled', 'inspection-due', 'follow-up-revealed') ORDER BY id"
        )
        #expect(kinds == "follow-up-scheduled\ninspection-due\nfollow-up-revealed\n")
        #expect(try daemon.sql("SELECT revealed_at IS NOT NULL FROM follow_up_draw WHERE inspection_id = 2") == "1\n")
    }
}
