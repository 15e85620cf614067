import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl report classification --year Y [--format table|json|html] [--output FILE]`
struct ReportClassification: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "classification", abstract: "How a year's classification falls in the four levels.",
        discussion: """
            Counts and shares (one decimal, adding up to 100%) of each level among the proposals and among the \
            council's decisions, each person counted by their latest proposal and decision; how many are undecided, \
            decided otherwise than proposed, and flagged for the streamlining review. Labels and numbers follow \
            --lang (or $LANG). Formats: table (default), json (the same as --json), html (one self-contained page \
            with a chart of the proposals and one of the decisions; use --output to write it to a file). Needs the \
            inspector role.
            """)
    static let access = CommandContext.Access.read

    /// The formats this report is written in.
    enum Format: String, CaseIterable, ExpressibleByArgument { case table, json, html }

    @Option(help: "The year, e.g. 2026.") var year: Int
    @Option(help: "How to write the report (default: table).") var format: Format?
    @Option(help: "Write the report to this file instead of standard output.") var output: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let report = try context.perform(Operations.ClassificationYearReport.self, YearRequest(year: year))
        let text: String
        switch format ?? (options.json ? .json : .table) {
        case .json: text = try Output.jsonText(report, zone: try context.zone)
        case .html: text = ClassificationHTMLReport.render(report, language: options.settings.language)
        case .table:
            text = TerminalText.escaped(Self.table(report, language: options.settings.language), layout: .lines)
        }
        try Output.write(text, to: output)
    }

    /// The narrative, then a row per level: proposed and decided, each a count and its share.
    static func table(_ report: ClassificationReport, language: Language) -> String {
        let numbers = ReportNumbers(language)
        let header =
            language == .vi ? ["Mức xếp loại", "Đề xuất", "Quyết định"] : ["Level", "Proposed", "Decided"]
        func cell(_ count: Int, _ share: Tenths?) -> String {
            numbers.integer(count) + (share.map { " (\(numbers.percent($0)))" } ?? "")
        }
        let rows =
            [header]
            + report.levels.map { row in
                [
                    row.level.name(in: language), cell(row.proposed, row.proposedShare),
                    cell(row.decided, row.decidedShare),
                ]
            } + [
                [
                    language == .vi ? "Tổng số" : "Total", numbers.integer(report.people),
                    numbers.integer(report.decided),
                ]
            ]
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        let lines = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingSpaces
        }
        return ([report.narrative(language), ""] + lines).joined(separator: "\n") + "\n"
    }
}
