import Foundation
import InspectCore
import InspectTesting
import Testing

@Suite("inspectctl report summary on the sample district", .serialized)
struct CLIReportTests {
    /// One period's report in each format and language, against its golden file.
    struct Golden: Sendable, CustomStringConvertible {
        var file: String
        var arguments: [String]
        var description: String { file }
    }

    static let quarter = ["--from", "2026-01-01", "--to", "2026-04-01"]

    static let goldens: [Golden] = [
        Golden(file: "q1-2026.en.txt", arguments: quarter + ["--lang", "en"]),
        Golden(file: "q1-2026.vi.txt", arguments: quarter + ["--lang", "vi", "--by", "office"]),
        Golden(file: "q1-2026.en.md", arguments: quarter + ["--lang", "en", "--format", "markdown", "--by", "type"]),
        Golden(file: "q1-2026.vi.md", arguments: quarter + ["--lang", "vi", "--format", "markdown", "--by", "kind"]),
        Golden(file: "q1-2026.vi.csv", arguments: quarter + ["--lang", "vi", "--format", "csv", "--by", "office"]),
        Golden(file: "q1-2026.en.csv", arguments: quarter + ["--lang", "en", "--format", "csv", "--by", "category"]),
        Golden(file: "q1-2026.json", arguments: quarter + ["--format", "json", "--by", "month"]),
        Golden(
            file: "year-boundary.vi.txt",
            arguments: ["--from", "2025-12-01", "--to", "2026-02-01", "--lang", "vi", "--by", "month"]),
        Golden(
            file: "year-boundary.en.json",
            arguments: ["--from", "2025-12-01", "--to", "2026-02-01", "--json", "--by", "month"]),
        Golden(file: "empty.en.txt", arguments: ["--from", "2024-01-01", "--to", "2024-04-01", "--lang", "en"]),
        Golden(
            file: "empty.vi.md",
            arguments: ["--from", "2024-01-01", "--to", "2024-04-01", "--format", "markdown", "--lang", "vi"]),
    ]

    @Test("each format and language matches its golden file", arguments: goldens)
    func golden(_ golden: Golden) throws {
        let cli = try ReportFixture.make()
        ReportFixture.expectGolden(try cli.ok(["report", "summary"] + golden.arguments), golden.file)
    }

    @Test("the quarter's figures: kinds, offices, staff checked, rates, shares and the trend")
    func figures() throws {
        let cli = try ReportFixture.make()
        let report = try cli.json(SummaryReport.self, ["report", "summary", "--by", "office"] + Self.quarter)
        let total = report.inspections.total
        // 5, 6, 7, 9, 10, 16 performed; 8 cancelled; 11 missed; 12 a surprise still scheduled: secret, not counted.
        #expect(total.performed == 6)
        #expect(total.missed == 1)
        #expect(total.cancelled == 1)
        #expect(total.pending == 0)
        #expect(report.checks.staffChecked == 16 + 12 + 0 + 20 + 25 + 10)
        // 2 + 4 + 1 + 3 + 0 + 2 (late, and the badge amended to attire; the conduct finding was retracted).
        #expect(report.checks.violations == 12)
        #expect(report.checks.violationsPer100Checked == Tenths(tenths: 145))
        #expect(report.offices.covered == 5)
        #expect(report.offices.notInspected.map(\.code) == ["PNV"])
        // 4, 3 and five types once: the five show 8.3% each, and the whole 99.9% (the tenth left cannot go to all five).
        #expect(report.violations.byType.compactMap(\.share?.tenths) == [334, 250, 83, 83, 83, 83, 83])
        #expect(report.trend.previous.performed == 3)
        #expect(report.trend.change.performed == 3)
        // No escalation rules in this fixture, no corrective action: the sections are there, with zeros.
        let escalations = report.escalations
        let raised: [Int] = [
            escalations.reminder, escalations.correction, escalations.referral, escalations.acknowledged,
        ]
        #expect(raised == [0, 0, 0, 0])
        let actions = report.correctiveActions
        let required: [Int] = [actions.required, actions.open, actions.overdue]
        #expect(required == [0, 0, 0])
    }

    @Test("a Vietnamese LANG gives Vietnamese labels and numbers; --lang overrides it")
    func languageFromEnvironment() throws {
        let cli = try ReportFixture.make()
        let vi = try cli.run(["report", "summary"] + Self.quarter, environment: ["LANG": "vi_VN.UTF-8"])
        #expect(vi.status == 0)
        #expect(
            vi.stdout.contains("Từ 01/01/2026 đến 31/03/2026, các đoàn kiểm tra đã kiểm tra 6 lượt cơ quan, đơn vị"))
        #expect(vi.stdout.contains("14,5 trường hợp/100 lượt kiểm tra"))
        let en = try cli.run(
            ["report", "summary", "--lang", "en"] + Self.quarter, environment: ["LANG": "vi_VN.UTF-8"])
        #expect(en.stdout.contains("From 1 January 2026 to 31 March 2026"))
    }

    @Test("a report only reads: the database is the same before and after, and --output writes the file")
    func readOnly() throws {
        let cli = try ReportFixture.make()
        let before = try cli.dump()
        let page = cli.directory.file("report.html")
        try cli.ok(["report", "summary", "--format", "html", "--output", page] + Self.quarter)
        #expect(try cli.dump() == before)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        // No resource from the network: the only URL is SVG's namespace name, which is never fetched.
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("://"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
    }

    @Test("the page's chart by office shows the offices with violations, most first, and counts those without")
    func officeChart() throws {
        let cli = try ReportFixture.make()
        let report = try cli.json(SummaryReport.self, ["report", "summary", "--by", "office"] + Self.quarter)
        let counts = try #require(report.breakdowns.first).rows.map(\.violations)
        let shown = counts.filter { $0 > 0 }
        let without = counts.count - shown.count
        try #require(without > 1, "the fixture has offices without violations in the quarter")
        let page = cli.directory.file("report.html")
        try cli.ok(["report", "summary", "--format", "html", "--lang", "en", "--output", page] + Self.quarter)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let figures = html.components(separatedBy: "<figure>")
        try #require(figures.count == 4, "charts by type, month and office")
        let chart = figures[3]
        #expect(chart.contains("Violations: by office"))
        #expect(chart.components(separatedBy: "<rect").count - 1 == shown.count)
        #expect(
            chart.contains("<p class=\"note\">\(without) offices with no violation in the period are not shown.</p>"))
        let values = chart.components(separatedBy: "<text x=\"").compactMap { piece -> Int? in
            // The value at a bar's end: "3 (25.0%)".
            guard let text = piece.split(separator: ">").dropFirst().first else { return nil }
            return Int(text.prefix(while: \.isNumber))
        }
        #expect(values == shown.sorted(by: >))
    }

    @Test("bad periods and dimensions are refused with usage or data errors")
    func badArguments() throws {
        let cli = try ReportFixture.make()
        let backwards = try cli.run(["report", "summary", "--from", "2026-04-01", "--to", "2026-01-01"])
        #expect(backwards.status == 65)
        #expect(backwards.stderr.contains("--from must be before its --to"))
        let dimension = try cli.run(["report", "summary", "--by", "weather"])
        #expect(dimension.status == 64)
    }
}
