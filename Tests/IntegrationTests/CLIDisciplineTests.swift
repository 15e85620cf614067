import Foundation
import InspectCore
import InspectService
import InspectTesting
import Testing

/// A seeded fixture whose configuration directory holds the shipped escalation rules.
private func disciplineFixture() throws -> CLIFixture {
    let cli = try CLIFixture.seeded()
    let shipped = try String(
        contentsOfFile: BuiltProducts.repository + "/etc/inspectd/escalation.conf", encoding: .utf8)
    cli.directory.write("escalation.conf", shipped)
    try cli.ok(["inspection", "cancel", "1", "--reason", "not needed"])
    return cli
}

/// The local date `days` days before today, `YYYY-MM-DD`, in Vietnam.
private func daysAgo(_ days: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    let date = calendar.date(byAdding: .day, value: -days, to: Date())!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
}

/// One visit on `day`: opened at 07:30, a LATE finding for `badge` at 07:51, closed at 09:00; returns what the
/// finding log printed.
@discardableResult
private func lateVisit(_ cli: CLIFixture, day: String, badge: String = "CL-00002") throws -> String {
    let opened = try cli.ok(["inspection", "open", "--office", "UBND-NHANLY", "--at", "\(day) 07:30"])
    let id = try #require(opened.split(separator: " ").dropFirst(2).first.map(String.init))
    let logged = try cli.ok([
        "finding", "log", "--inspection", id, "--type", "LATE", "--staff", badge, "--arrived", "07:50", "--at",
        "\(day) 07:51",
    ])
    try cli.ok(["inspection", "close", id, "--checked", "2", "--at", "\(day) 09:00"])
    return logged
}

@Suite("inspectctl: escalations, follow-ups, corrective actions, histories", .serialized)
struct CLIDisciplineTests {
    @Test("from the first LATE to a referral under the shipped rules: raised, journaled, acknowledged, reported")
    func firstFindingToReferral() throws {
        let cli = try disciplineFixture()
        // Late every week: the third within 30 days raises a reminder, the fifth within 90 days a referral.
        let logs = try [40, 33, 26, 19, 12].map { try lateVisit(cli, day: daysAgo($0)) }
        #expect(!logs[0].contains("Raised") && !logs[1].contains("Raised"))
        #expect(
            logs[2].contains(
                "Raised escalation 1: reminder (nhắc nhở) for staff CL-00002, 3 findings within 30 days, rule late-reminder."
            ))
        #expect(!logs[3].contains("Raised"))
        #expect(
            logs[4].contains(
                "Raised escalation 2: referral (đề nghị xem xét kỷ luật) for staff CL-00002, 5 findings within 90 days, rule late-referral."
            ))

        let listed = try cli.ok(["escalation", "list", "--open", "--staff", "CL-00002"])
        #expect(listed.contains("referral  staff CL-00002  late-referral  5/5"))
        #expect(listed.contains("reminder  staff CL-00002  late-reminder  3/3"))
        let rows = try cli.json([EscalationView].self, ["escalation", "list"])
        #expect(rows.map(\.level) == [.referral, .reminder])
        #expect(rows.first?.findings == [1, 2, 3, 4, 5])
        #expect(rows.first?.firstDay.description == daysAgo(12 + 89))
        #expect(rows.first?.subject == EscalationSubject(kind: .staff, code: "CL-00002"))

        // Journaled in the outbox: a warning for the reminder, an error for the referral.
        let priorities = try ProcessRunner.run(
            "/usr/bin/sqlite3",
            [cli.database, "SELECT priority FROM outbox WHERE kind = 'escalation-raised' ORDER BY id"])
        #expect(priorities.stdout == "4\n3\n")

        #expect(
            try cli.ok(["escalation", "ack", "2", "--note", "Chuyển Hội đồng kỷ luật"])
                == "Acknowledged escalation 2 (referral for staff CL-00002).\n")
        let open = try cli.ok(["escalation", "list", "--open"])
        #expect(open.contains("late-reminder") && !open.contains("late-referral"))
        let again = try cli.run(["escalation", "ack", "2"])
        #expect(again.status == 65)
        #expect(again.stderr.hasPrefix("inspectctl: escalation ack: escalation 2 was already acknowledged by "))

        // Evaluating again raises nothing: every finding is counted already.
        #expect(try cli.ok(["escalation", "evaluate"]) == "No new escalation.\n")

        let report = try cli.json(StaffReport.self, ["report", "staff", "CL-00002"])
        let kinds = report.timeline.map(\.kind.rawValue)
        #expect(kinds.filter { $0 == "finding-recorded" }.count == 5)
        #expect(kinds.filter { $0 == "escalation-raised" }.count == 2)
        #expect(kinds.contains("escalation-acknowledged"))
        #expect(report.summary.openEscalations == 1)
        let table = try cli.ok(["report", "staff", "CL-00002"])
        #expect(table.contains("Record:   5 findings as they stand, 2 escalations (1 open)"))
    }

    @Test("a finding whose escalation cannot be written is not written either; the retry writes both, once")
    func crashBetweenFindingAndEscalation() throws {
        let cli = try disciplineFixture()
        for days in [10, 9] { try lateVisit(cli, day: daysAgo(days)) }
        try cli.ok(["inspection", "open", "--office", "UBND-NHANLY", "--at", "\(daysAgo(8)) 07:30"])
        let before = try cli.dump()
        _ = try ProcessRunner.run(
            "/usr/bin/sqlite3",
            [cli.database, "CREATE TRIGGER crash BEFORE INSERT ON escalation BEGIN SELECT RAISE(ABORT, 'crash'); END"])
        let withTrigger = try cli.dump()
        let log = [
            "finding", "log", "--inspection", "4", "--type", "LATE", "--staff", "CL-00002", "--arrived", "07:50",
            "--at", "\(daysAgo(8)) 07:51",
        ]
        let failed = try cli.run(log)
        #expect(failed.status != 0)
        #expect(try cli.dump() == withTrigger, "neither the finding nor its event nor an escalation was written")
        _ = try ProcessRunner.run("/usr/bin/sqlite3", [cli.database, "DROP TRIGGER crash"])
        #expect(try cli.dump() == before)
        #expect(try cli.ok(log).contains("Raised escalation 1: reminder"))
        #expect(try cli.ok(["escalation", "evaluate"]) == "No new escalation.\n")
        let counts = try ProcessRunner.run(
            "/usr/bin/sqlite3",
            [cli.database, "SELECT (SELECT count(*) FROM finding), (SELECT count(*) FROM escalation)"])
        #expect(counts.stdout == "3|1\n")
        #expect(try cli.ok(["verify"]).contains("3"))
    }

    @Test("a corrective action goes open → done → verified; steps out of order are refused with 65")
    func correctiveAction() throws {
        let cli = try CLIFixture.seeded()
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-00001"])
        let due = daysAgo(-7)
        let required = try cli.ok(["finding", "action", "1", "--require", "Đeo thẻ khi làm việc", "--due", due])
        #expect(required.contains("Status:   open"))
        #expect(required.contains("Due:      \(due)"))
        let early = try cli.run(["finding", "action", "1", "--verify"])
        #expect(early.status == 65)
        #expect(early.stderr.contains("only a done action can be verified"))
        #expect(try cli.ok(["finding", "action", "1", "--done", "--note", "Đã đeo"]).contains("Status:   done"))
        #expect(try cli.json(ActionView.self, ["finding", "action", "1", "--verify"]).action.status == .verified)
        #expect(try cli.ok(["finding", "actions", "--status", "verified"]).contains("Đeo thẻ khi làm việc"))
        #expect(try cli.ok(["finding", "actions", "--overdue"]) == "No corrective actions.\n")
        let usage = try cli.run(["finding", "action", "1", "--require", "x"])
        #expect(usage.status == 64)
        let past = try cli.run(["finding", "action", "1", "--require", "x", "--due", "2020-01-01"])
        #expect(past.status == 65)
    }

    @Test("closing with a moderate finding schedules a secret follow-up; office show gives the violation rate")
    func followUpAndRisk() throws {
        let cli = try CLIFixture.seeded()
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "OFFPOST", "--staff", "CL-00002"])
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-00001"])
        let closed = try cli.ok([
            "inspection", "close", "1", "--checked", "10", "--beyond-staff", "cán bộ không chuyên trách",
        ])
        #expect(closed.contains("Follow-up inspection 2 scheduled on a working day from "))
        #expect(closed.contains("secret until due"))
        #expect(try cli.ok(["inspection", "show", "1"]).contains("Followed up by: inspection 2"))
        let audit = try cli.run(["inspection", "audit", "2"])
        #expect(audit.status == 65)
        #expect(audit.stderr.contains("still scheduled"))
        let kind = try ProcessRunner.run(
            "/usr/bin/sqlite3", [cli.database, "SELECT kind, status, follows_id FROM inspection WHERE id = 2"])
        #expect(kind.stdout == "follow-up|scheduled|1\n")

        let shown = try cli.ok(["office", "show", "UBND-NHANLY"])
        #expect(
            shown.contains("Violation rate: 20.0 per 100 staff checked (2 violations, 10 checked in the last 90 days)"))
        let risk = try #require(try cli.json(OfficeDetail.self, ["office", "show", "UBND-NHANLY"]).risk)
        #expect(risk.violations == 2 && risk.checked == 10 && risk.weight == 3000)

        let report = try cli.json(OfficeReport.self, ["report", "office", "UBND-NHANLY"])
        let summaries = report.timeline.map(\.summary)
        #expect(summaries.contains { $0.hasPrefix("Ad-hoc inspection 1 closed by") })
        #expect(!summaries.contains { $0.contains("inspection 2") }, "the follow-up is secret until due")
    }

    @Test("a bad escalation.conf is refused with file:line, by inspectctl and by inspectd --check-config")
    func badRules() throws {
        let cli = try CLIFixture.seeded()
        let path = cli.directory.write(
            "escalation.conf", "[Rule late]\nViolations=LATE\nCount=3\nWindow=a month\nLevel=reminder\n")
        let result = try cli.run(["escalation", "rules"])
        #expect(result.status == 78)
        #expect(result.stderr.hasPrefix("inspectctl: escalation rules: \(path):4: Window=a month: expected N days"))
        let check = try ProcessRunner.run(BuiltProducts.inspectd, ["--check-config", "--config", cli.config])
        #expect(check.status == 78)
        #expect(check.stderr.hasPrefix("inspectd: \(path):4: "))
        cli.directory.write(
            "escalation.conf", "[Rule late]\nViolations=LATE\nCount=3\nWindow=30 days\nLevel=reminder\n")
        #expect(try cli.ok(["escalation", "rules"]).contains("late  staff    LATE     ≥ 3    30 days  reminder"))
        let good = try ProcessRunner.run(BuiltProducts.inspectd, ["--check-config", "--config", cli.config])
        #expect(good.stdout.hasSuffix(", 1 escalation rule\n"))
    }
}
