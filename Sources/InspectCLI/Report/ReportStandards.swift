import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl report standards --year Y [--compare Y0] [--format FORMAT] [--output FILE]`
struct ReportStandards: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "standards",
        abstract: "The shares of people meeting their qualification standard, by level and category.",
        discussion: """
            Counts, as of 31 December of --year (today for the current year), the people in service with a level \
            recorded and a standard that applies (see 'standards check'), and how many of them meet it, by level \
            and category, with each level's total where it has more than one category; with --compare, the same \
            at the end of that year and the change in percentage points (the difference of the shares as shown). \
            Shares are rounded half up to one decimal and written as the district's reports write them: '81%', \
            '88,4%' and '+6 điểm' in Vietnamese (--lang vi).

            The counts are public, like the summary report's: anyone may run it. A count over a small group can \
            still say much about the people in it; publish with that in mind.

            Formats: table (default), json (the same as --json), markdown.
            """)
    static let access = CommandContext.Access.read

    @Option(help: "The year whose end the shares are measured at.") var year: Int
    @Option(help: "A year to compare with, e.g. two years before.") var compare: Int?
    @Option(help: "How to write the report (default: table; csv and html are the summary's only).")
    var format: ReportFormat?
    @Option(help: "Write the report to this file instead of standard output.") var output: String?
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let format, format == .csv || format == .html {
            throw ValidationError("--format \(format.rawValue) is not offered here; use table, json or markdown")
        }
    }

    func execute(_ context: CommandContext) throws {
        let format = format ?? (options.json ? .json : .table)
        let report = try context.perform(
            Operations.StandardsReport.self, StandardsReportRequest(year: year, compare: compare))
        let document = ReportDocument(report, language: options.settings.language)
        let text: String
        switch format {
        case .json: text = try Output.jsonText(report, zone: try context.zone)
        case .markdown: text = TerminalText.escaped(MarkdownReport.render(document), layout: .lines)
        case .table, .csv, .html: text = TerminalText.escaped(TextReport.render(document), layout: .lines)
        }
        try Output.write(text, to: output)
    }
}
