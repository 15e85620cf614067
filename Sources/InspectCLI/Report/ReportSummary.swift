import ArgumentParser
import Foundation
import InspectCore
import InspectService

/// `inspectctl report summary [--from T --to T] [--by DIMENSION] [--format FORMAT] [--output FILE]`
struct ReportSummary: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Inspections planned, performed and missed, offices reached, staff checked and violations found.",
        discussion: """
            The period runs from --from (inclusive) to --to (exclusive) and is compared with the period of the same \
            length just before it. An inspection counts in the period its reference time falls in: when it was \
            opened, else when it was due. Rates are over closed inspections (their staff checked is known); \
            findings count as they stand (amendments once, retractions not at all). Surprise inspections not yet \
            due are never counted.

            Default period: from 1 January of this year to the end of today. Labels, violation names and numbers \
            follow --lang (or $LANG): '15,1%' and '1.536' in Vietnamese.

            Formats: table (default), json (the same as --json), csv (section,key,label,measure,value), markdown, \
            html (one self-contained page with charts; use --output to write it to a file).
            """)
    static let access = CommandContext.Access.read

    @Option(parsing: .unconditional, help: "Start of the period (inclusive), e.g. 2027-01-01.") var from: String?
    @Option(parsing: .unconditional, help: "End of the period (exclusive), e.g. 2027-04-01.") var to: String?
    @Option(help: "Break the figures down by one dimension.")
    var by: BreakdownDimension?
    @Option(help: "How to write the report (default: table).") var format: ReportFormat?
    @Option(help: "Write the report to this file instead of standard output.") var output: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let format = format ?? (options.json ? .json : .table)
        let period = try ReportPeriod(from: try start(context), to: try end(context))
        var breakdowns = by.map { [$0] } ?? []
        if format == .html {
            // The page's charts show violations by month and by office.
            for dimension in [BreakdownDimension.month, .office] where !breakdowns.contains(dimension) {
                breakdowns.append(dimension)
            }
        }
        let report = try context.perform(
            Operations.SummaryReport.self, SummaryRequest(period: period, breakdowns: breakdowns))
        let zone = try context.zone
        let document = ReportDocument(report, zone: zone, language: options.language)
        let text: String
        switch format {
        case .json: text = try Output.jsonText(report, zone: zone)
        case .table: text = TerminalText.escaped(TextReport.render(document), layout: .lines)
        case .markdown: text = TerminalText.escaped(MarkdownReport.render(document), layout: .lines)
        case .csv: text = CSVReport.render(document, report: report, zone: zone)
        case .html: text = HTMLReport.render(document, report: report)
        }
        try Output.write(text, to: output)
    }

    private func start(_ context: CommandContext) throws -> Instant {
        if let from { return try context.instant(from) }
        let zone = try context.zone
        let year = zone.local(try end(context).adding(seconds: -1)).date.year
        return zone.startOfDay(CivilDate(year: year, month: 1, day: 1))
    }

    private func end(_ context: CommandContext) throws -> Instant {
        if let to { return try context.instant(to) }
        let zone = try context.zone
        let today = zone.local(Instant(Date())).date
        return zone.startOfDay(today.adding(days: 1))
    }
}
