import Foundation
import InspectTesting
import Testing

/// Office Nhân Lý with one person and an open inspection, through the CLI.
private func seed(_ daemon: DaemonFixture) throws {
    try daemon.ctl(["office", "add", "UBND-NHANLY", "--name", "UBND xã Nhân Lý", "--kind", "commune"])
    try daemon.ctl(["staff", "add", "CL-1", "--name", "Nông Thị Hoa", "--office", "UBND-NHANLY"])
    try daemon.ctl(["inspection", "open", "--office", "UBND-NHANLY"])
}

@Suite("inspectd: overdue corrective actions and follow-ups on its timer", .serialized)
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
        try await daemon.start()
        // Time passes: the first action's due instant is two seconds away; the second is done in time.
        let now = Int(Date().timeIntervalSince1970)
        try daemon.sql("UPDATE corrective_action SET due_at = \(now + 2)")
        #expect(try daemon.ctl(["finding", "action", "2", "--done"]).status == 0)  // also nudges the daemon
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
        let listed = try daemon.ctl(["finding", "actions", "--overdue"]).stdout
        #expect(listed.contains("Đeo thẻ") && !listed.contains("Không hút thuốc"))
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
        // Time passes: the follow-up's instant is two seconds away.
        let now = Int(Date().timeIntervalSince1970)
        try daemon.sql("UPDATE inspection SET due_at = \(now + 2), window_end = \(now + 3600) WHERE id = 2")
        try daemon.ctl(["office", "add", "NUDGE", "--name", "nudge"])
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
