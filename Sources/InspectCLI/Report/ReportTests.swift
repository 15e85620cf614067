import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl report tests (--session N | --year Y) [--format FORMAT] [--output FILE]`
struct ReportTests: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "tests", abstract: "How a session's or a year's competency test results fall in the bands.",
        discussion: """
            Counts and shares (one decimal, adding up to 100%) of the bands of bands.conf, for all results, by \
            title and by office. A corrected result counts as its correction. Labels and numbers follow --lang (or \
            $LANG): '15,1%' in Vietnamese. Formats: table (default), json (the same as --json), html (one \
            self-contained page with a chart of each grouping; use --output to write it to a file). Needs the \
            inspector role: small groups could name people.
            """)
    static let access = CommandContext.Access.read

    /// The formats this report is written in.
    enum Format: String, CaseIterable, ExpressibleByArgument { case table, json, html }

    @Option(help: "The session's number.") var session: Int64?
    @Option(help: "The year: every session held in it.") var year: Int?
    @Option(help: "How to write the report (default: table).") var format: Format?
    @Option(help: "Write the report to this file instead of standard output.") var output: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let report = try context.perform(
            Operations.TestBandReport.self, TestResultFilter(session: session, year: year, badge: nil))
        let language = options.settings.language
        let text: String
        switch format ?? (options.json ? .json : .table) {
        case .json: text = try Output.jsonText(report, zone: try context.zone)
        case .html: text = TestsHTMLReport.render(report, language: language)
        case .table: text = TerminalText.escaped(Self.table(report, language: language), layout: .lines)
        }
        try Output.write(text, to: output)
    }

    /// The narrative, then one table per grouping: a row per group, a column per band (count and share).
    static func table(_ report: TestReport, language: Language) -> String {
        let numbers = ReportNumbers(language)
        var lines = [report.narrative(language), ""]
        for (title, groups) in groupings(report, language: language) {
            lines.append(title)
            let header =
                [""] + report.bands.map { $0.name(in: language) } + [
                    language == .vi ? "Tổng số" : "Total"
                ]
            var rows = [header]
            for group in groups {
                rows.append(
                    [label(group, language: language)]
                        + group.bands.map {
                            numbers.integer($0.count) + ($0.share.map { " (\(numbers.percent($0)))" } ?? "")
                        }
                        + [numbers.integer(group.results)])
            }
            let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                lines.append(
                    zip(row, widths).enumerated().map { index, cell in
                        let pad = String(repeating: " ", count: cell.1 - cell.0.count)
                        return index == 0 ? cell.0 + pad : pad + cell.0
                    }.joined(separator: "  "))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The three groupings with their titles: all results, by title, by office.
    static func groupings(_ report: TestReport, language: Language) -> [(String, [TestReport.Group])] {
        language == .vi
            ? [
                ("Chung", [report.total]), ("Theo chức danh", report.byTitle),
                ("Theo cơ quan, đơn vị", report.byOffice),
            ]
            : [("All results", [report.total]), ("By title", report.byTitle), ("By office", report.byOffice)]
    }

    static func label(_ group: TestReport.Group, language: Language) -> String {
        guard let key = group.key else { return language == .vi ? "Tổng cộng" : "Total" }
        return group.name ?? key
    }
}
