import Foundation
import InspectCentral
import InspectCore
import InspectTesting
import PostgresNIO
import Testing

/// `report summary --central` against a real PostgreSQL: a site's record sent with `uplink send` gives at the center
/// the report the site gives of itself, number for number; a second site adds its own numbers to the totals; the
/// read-only role runs it and reads nothing else.
@Suite(
    "report summary --central against a real center", .serialized,
    .enabled(if: PostgresServer.testsCanRun, Comment(rawValue: PostgresServer.unavailableReason))
)
struct CentralReportTests {
    /// The sample district's record (planned, surprise, follow-up, ad hoc; closed, missed, cancelled, scheduled;
    /// an amended and a retracted finding), with late arrivals in recent weeks that raise a reminder and a referral
    /// under the shipped rules, one acknowledged, and corrective actions: one done, one open, one overdue by the
    /// period's end.
    private static func district() throws -> CLIFixture {
        let cli = try ReportFixture.make()
        let rules = try String(
            contentsOfFile: BuiltProducts.repository + "/etc/inspectd/escalation.conf", encoding: .utf8)
        cli.directory.write("escalation.conf", rules)
        for days in [40, 33, 26, 19, 12] {
            let day = Self.day(-days)
            let opened = try cli.ok(["inspection", "open", "--office", "UBND-NHANLY", "--at", "\(day) 07:30"])
            let id = try #require(opened.split(separator: " ").dropFirst(2).first.map(String.init))
            try cli.ok([
                "finding", "log", "--inspection", id, "--type", "LATE", "--staff", "CL-102", "--arrived", "07:50",
                "--at", "\(day) 07:51",
            ])
            try cli.ok(["inspection", "close", id, "--checked", "3", "--at", "\(day) 09:00"])
        }
        try cli.ok(["escalation", "ack", "1", "--note", "Đã nhắc nhở"])
        let late = try cli.sql("SELECT id FROM finding WHERE violation = 'LATE' ORDER BY id")
            .split(separator: "\n").map(String.init)
        try #require(late.count >= 4)
        try cli.ok(["finding", "action", late[1], "--require", "Đi làm đúng giờ", "--due", Self.day(3)])
        try cli.ok(["finding", "action", late[1], "--done", "--note", "Đã cam kết"])
        try cli.ok(["finding", "action", late[2], "--require", "Báo cáo giải trình", "--due", Self.day(3)])
        try cli.ok(["finding", "action", late[3], "--require", "Kiểm điểm", "--due", Self.day(30)])
        return cli
    }

    /// A second, smaller site: the seeded communes, three findings in the open inspection (one retracted), closed.
    private static func secondSite() throws -> CLIFixture {
        let cli = try CLIFixture.seeded()
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-00001"])
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "SMOKE", "--staff", "CL-00002"])
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "DRESS"])
        try cli.ok(["finding", "retract", "2", "--reason", "trùng"])
        try cli.ok(["inspection", "close", "1", "--checked", "2"])
        return cli
    }

    /// Periods that tell the rules apart: the quarter of the sample district (whole months, against the quarter
    /// before), the recent weeks of escalations and actions (against as many days before), the year so far.
    private static let periods = [
        ["--from", "2026-01-01", "--to", "2026-04-01"],
        ["--from", day(-60), "--to", day(10)],
        ["--from", "2026-01-01", "--to", day(1)],
    ]

    @Test("for one site the center's report is the site's own, number for number, by every dimension")
    func oneSiteEqualsItsOwn() async throws {
        let center = try await UplinkCenter.start()
        let reader = try await center.addReader()
        let cli = try Self.district()
        let site = try center.add(cli, as: "nhan-ly")
        try #require(try cli.sendUplink(site).status == 0)

        for period in Self.periods {
            for by in [
                [], ["--by", "office"], ["--by", "type"], ["--by", "month"], ["--by", "category"], ["--by", "kind"],
            ] {
                let own = try cli.json(SummaryReport.self, ["report", "summary"] + period + by)
                var central = try reader.report(cli, period + by + ["--sites", "nhan-ly"])
                #expect(central.sites == SiteCoverage(sites: ["nhan-ly"], notInspected: []))
                central.sites = nil
                #expect(central == own, "\(period + by)")
            }
        }
        // The record is varied enough for the comparison to mean something.
        let recent = try cli.json(SummaryReport.self, ["report", "summary"] + Self.periods[1])
        #expect(recent.escalations.total == 2 && recent.escalations.acknowledged == 1)
        #expect(recent.correctiveActions == ActionCounts(required: 3, open: 2, overdue: 1))
        let quarter = try cli.json(SummaryReport.self, ["report", "summary"] + Self.periods[0])
        #expect(quarter.inspections.total.missed == 1 && quarter.inspections.total.cancelled == 1)
        #expect(quarter.checks.violations == 12)
    }

    @Test("a second site adds its own numbers to every site's totals; a site not yet sending is named as not reached")
    func sitesAdd() async throws {
        let center = try await UplinkCenter.start()
        let reader = try await center.addReader()
        let first = try Self.district()
        let second = try Self.secondSite()
        let silent = try CLIFixture.seeded()
        for (cli, name) in [(first, "nhan-ly"), (second, "bang-huu")] {
            try #require(try cli.sendUplink(try center.add(cli, as: name)).status == 0)
        }
        _ = try center.add(silent, as: "chi-lang")
        let period = Self.periods[2]

        let a = try first.json(SummaryReport.self, ["report", "summary"] + period)
        let b = try second.json(SummaryReport.self, ["report", "summary"] + period)
        let all = try reader.report(first, ["--by", "site"] + period)

        #expect(
            all.inspections.byKind.map(\.performed)
                == zip(a.inspections.byKind, b.inspections.byKind).map {
                    $0.performed + $1.performed
                })
        #expect(all.inspections.total.missed == a.inspections.total.missed + b.inspections.total.missed)
        #expect(all.checks.staffChecked == a.checks.staffChecked + b.checks.staffChecked)
        #expect(all.checks.violations == a.checks.violations + b.checks.violations)
        #expect(all.checks.staffWithViolations == a.checks.staffWithViolations + b.checks.staffWithViolations)
        #expect(all.violations.total == a.violations.total + b.violations.total)
        // The silent site sent nothing, not even its offices.
        #expect(all.offices.offices == a.offices.offices + b.offices.offices)
        #expect(all.offices.covered == a.offices.covered + b.offices.covered)
        #expect(all.escalations.total == a.escalations.total + b.escalations.total)
        #expect(all.correctiveActions.required == a.correctiveActions.required + b.correctiveActions.required)
        #expect(all.trend.previous.performed == a.trend.previous.performed + b.trend.previous.performed)
        #expect(all.sites == SiteCoverage(sites: ["bang-huu", "chi-lang", "nhan-ly"], notInspected: ["chi-lang"]))
        let bySite = try #require(all.breakdown(.site)).rows
        #expect(bySite.map(\.key) == ["bang-huu", "chi-lang", "nhan-ly"])
        #expect(bySite.map(\.inspections) == [b.inspections.total.performed, 0, a.inspections.total.performed])
        #expect(bySite.map(\.violations) == [b.violations.total, 0, a.violations.total])

        let byOffice = try reader.report(first, ["--by", "office", "--sites", "nhan-ly,bang-huu"] + period)
        let keys = try #require(byOffice.breakdown(.office)).rows.map(\.key)
        #expect(keys.contains("bang-huu/UBND-NHANLY") && keys.contains("nhan-ly/UBND-NHANLY"))
        #expect(byOffice.sites?.sites == ["bang-huu", "nhan-ly"])

        // Markdown keeps the narrative on one line.
        let vi = try reader.run(first, ["--lang", "vi", "--format", "markdown"] + period)
        #expect(vi.status == 0, "\(vi.stderr)")
        #expect(vi.stdout.contains("cơ quan, đơn vị của 2/3 xã, phường"))
        #expect(vi.stdout.contains("Chưa có lượt kiểm tra tại: chi-lang."))
        let page = try reader.run(first, ["--format", "html", "--lang", "vi"] + period)
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.contains("<table id=\"by-site\">"))
    }

    @Test("the reporting role runs it and cannot read the center's tables; mistakes exit as the central commands do")
    func readOnlyRoleAndErrors() async throws {
        let center = try await UplinkCenter.start()
        let reader = try await center.addReader()
        let cli = try CLIFixture.seeded()
        try #require(try cli.sendUplink(try center.add(cli, as: "nhan-ly")).status == 0)

        let report = try reader.report(cli, [])
        #expect(report.inspections.total.performed == 1)
        let connection = try await CentralConnection.connect(
            to: try CentralURL(reader.url), password: try CentralPassword.read(from: reader.passwordFile))
        for table in ["center.finding", "center.inspection", "center.site"] {
            await #expect(throws: CentralError.self) {
                try await connection.run(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)"))
            }
        }
        await connection.close()

        let unknown = try reader.run(cli, ["--sites", "nhan-ly,lang-son"])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.hasPrefix("inspectctl: report summary: no site 'lang-son' at the center"))
        let noPassword = try ProcessRunner.run(
            BuiltProducts.inspectctl, ["report", "summary", "--central", reader.url, "--config", cli.config])
        #expect(noPassword.status == 77, "\(noPassword.stderr)")
        let badURL = try ProcessRunner.run(
            BuiltProducts.inspectctl, ["report", "summary", "--central", "mysql://x", "--config", cli.config])
        #expect(badURL.status == 64)
        #expect(badURL.stderr.hasPrefix("inspectctl: report summary: bad URL"))
        let bySite = try cli.run(["report", "summary", "--by", "site"])
        #expect(bySite.status == 64)
        #expect(bySite.stderr.contains("--by site needs --central"))
    }

    /// The local date `days` days from today (before it when negative), `YYYY-MM-DD`, in Vietnam.
    private static func day(_ days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let date = calendar.date(byAdding: .day, value: days, to: Date())!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}

/// A login of the reporting role, as a province gives one to whoever reads its reports.
struct CentralReader: Sendable {
    var url: String
    var passwordFile: String

    /// `inspectctl report summary --central` as this login, in the zone of `cli`'s configuration.
    func run(_ cli: CLIFixture, _ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(
            BuiltProducts.inspectctl,
            ["report", "summary", "--central", url, "--password-file", passwordFile, "--config", cli.config]
                + arguments,
            environment: ["INSPECTD_DATABASE": nil, "INSPECTD_CONFIG": nil, "LANG": "C.UTF-8"])
    }

    /// The report as JSON, decoded.
    func report(_ cli: CLIFixture, _ arguments: [String]) throws -> SummaryReport {
        let result = try run(cli, arguments + ["--json"])
        try #require(result.status == 0, "report summary --central: \(result.stderr)")
        return try JSONDecoder().decode(SummaryReport.self, from: Data(result.stdout.utf8))
    }
}

extension UplinkCenter {
    /// A login `reader` in the reporting role, with its password in a file.
    func addReader() async throws -> CentralReader {
        let password = UUID().uuidString
        let admin = try await CentralConnection.connect(
            to: try CentralURL(server.url()), password: server.superuserPassword)
        do {
            try await admin.run(
                PostgresQuery(
                    unsafeSQL: "CREATE ROLE reader LOGIN PASSWORD '\(password)' IN ROLE \(CentralRoles.reporting)"))
            await admin.close()
        } catch {
            await admin.close()
            throw error
        }
        return CentralReader(url: server.url(user: "reader"), passwordFile: server.passwordFile(password))
    }
}
