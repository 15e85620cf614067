import Foundation
import InspectTesting
import Testing

/// The HTML report as a person sees it: rendered by headless Chromium (Debian's `chromium`, which scripts/setup
/// installs), checked non-blank, and its numbers read back from the page and compared with the JSON report.
@Suite(
    "inspectctl report summary --format html in a browser", .serialized,
    .enabled(if: SystemTool.find("chromium") != nil, "chromium is not installed: run scripts/setup"))
struct CLIReportHTMLTests {
    static let script = ReportFixture.root.appendingPathComponent("Tests/Scripts/check_report_html.py").path

    /// Headless Chromium's flags for a test: no GPU, no scroll bars, a profile of its own in the test's directory
    /// (never the user's), and, as root (CI runs as root), no sandbox: Chromium refuses to start its sandbox as root
    /// ("Running as root without --no-sandbox is not supported"), while another user keeps it.
    static func browserFlags(profile: String) -> [String] {
        ["--headless", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(profile)"]
            + (getuid() == 0 ? ["--no-sandbox"] : [])
    }

    @Test("the page renders non-blank and shows the JSON report's numbers", arguments: ["vi", "en"])
    func rendersTheSameNumbers(language: String) throws {
        let cli = try ReportFixture.make()
        let period = ["--from", "2025-12-01", "--to", "2026-04-01"]
        let page = cli.directory.file("report.html")
        try cli.ok(
            ["report", "summary", "--format", "html", "--lang", language, "--by", "type", "--output", page] + period)
        var reports: [String] = []
        for dimension in ["type", "month", "office"] {
            reports.append(
                cli.directory.write(
                    "\(dimension).json", try cli.ok(["report", "summary", "--json", "--by", dimension] + period)))
        }
        let png = cli.directory.file("report.png")
        let browser = try ProcessRunner.run(
            try #require(SystemTool.find("chromium")),
            Self.browserFlags(profile: cli.directory.file("chromium"))
                + ["--window-size=1000,2400", "--screenshot=\(png)", "file://\(page)"],
            environment: ["HOME": cli.directory.path])
        #expect(FileManager.default.fileExists(atPath: png), "chromium: \(browser.stderr)")
        let check = try ProcessRunner.run(
            try #require(ProcessRunner.which("python3")), [Self.script, png, page, language] + reports)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasPrefix("ok: "))
    }
}
