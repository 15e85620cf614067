import ArgumentParser
import Foundation
import InspectCentral
import InspectCore
import InspectService

/// `inspectctl report summary [--from T --to T] [--by DIMENSION] [--format FORMAT] [--output FILE]
/// [--central URL [--password-file F] [--sites A,B]]`
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

            --central URL makes the same report over the sites of a province's center (PostgreSQL; URL as in \
            'inspectctl central --help', where sslcert= and sslkey= log in with a client certificate and no \
            password), computed by the center from what the sites sent: every site, or those \
            named by --sites. For one site it equals that site's own report once the site has sent its record. \
            The read-only role (inspectd_reporting) is enough. --by site breaks it down by site; over several \
            sites offices are named SITE/CODE. Periods and months are read in the zone of this machine's \
            configuration (--config). Exit status: 64 bad URL, 65 bad data, 66 password, certificate or key file \
            unreadable or no such site, 69 center unreachable, 77 login, permission or TLS handshake refused, 78 a \
            file that is not a certificate or key.
            """)
    static let access = CommandContext.Access.read

    @Option(parsing: .unconditional, help: "Start of the period (inclusive), e.g. 2027-01-01.") var from: String?
    @Option(parsing: .unconditional, help: "End of the period (exclusive), e.g. 2027-04-01.") var to: String?
    @Option(help: "Break the figures down by one dimension (site: with --central only).")
    var by: BreakdownDimension?
    @Option(help: "How to write the report (default: table).") var format: ReportFormat?
    @Option(help: "Write the report to this file instead of standard output.") var output: String?
    @Option(help: ArgumentHelp("Report over the sites of the province's center at this URL.", valueName: "url"))
    var central: String?
    @Option(
        help: ArgumentHelp(
            "With --central: read the password from this file (its first line); without it, no password is sent.",
            valueName: "file"))
    var passwordFile: String?
    @Option(
        help: ArgumentHelp(
            "With --central: only these sites, by name, separated by commas (default: every site).",
            valueName: "names"))
    var sites: String?
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard central == nil else { return }
        if by == .site {
            throw ValidationError("--by site needs --central: a site's own report covers only that site")
        }
        if sites != nil { throw ValidationError("--sites needs --central") }
        if passwordFile != nil { throw ValidationError("--password-file needs --central") }
    }

    /// A site's report goes through the service; the center's needs neither the daemon nor a database.
    func run() throws {
        guard let central else {
            return try execute(CommandContext(options.settings, access: Self.access, showsTimes: true))
        }
        let configuration = try ConfigLoader.load(
            path: options.settings.configPath.path, explicit: options.settings.configPath.explicit)
        let zone = configuration.calendar.zone
        let format = format ?? (options.json ? .json : .table)
        let period = try period(zone)
        let breakdowns = breakdowns(format, charted: [.month, .site])
        let names = sites.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        let report = try CentralSession.run("report summary", url: central, passwordFile: passwordFile) {
            try await CentralSummary.report($0, period: period, breakdowns: breakdowns, sites: names, zone: zone)
        }
        try write(report, format: format, zone: zone)
    }

    func execute(_ context: CommandContext) throws {
        let format = format ?? (options.json ? .json : .table)
        let zone = try context.zone
        let report = try context.perform(
            Operations.SummaryReport.self,
            SummaryRequest(period: try period(zone), breakdowns: breakdowns(format, charted: [.month, .office])))
        try write(report, format: format, zone: zone)
    }

    /// The breakdown asked for, and, for the HTML page, those its charts show.
    private func breakdowns(_ format: ReportFormat, charted: [BreakdownDimension]) -> [BreakdownDimension] {
        var breakdowns = by.map { [$0] } ?? []
        if format == .html {
            for dimension in charted where !breakdowns.contains(dimension) { breakdowns.append(dimension) }
        }
        return breakdowns
    }

    private func write(_ report: SummaryReport, format: ReportFormat, zone: LocalZone) throws {
        let document = ReportDocument(report, zone: zone, language: options.settings.language)
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

    /// --from to --to; by default from 1 January of this year to the end of today.
    private func period(_ zone: LocalZone) throws -> ReportPeriod {
        let now = Instant(Date())
        let end =
            try to.map { try TimeParsing.instant($0, in: zone, now: now) }
            ?? zone.startOfDay(zone.local(now).date.adding(days: 1))
        let start =
            try from.map { try TimeParsing.instant($0, in: zone, now: now) }
            ?? zone.startOfDay(CivilDate(year: zone.local(end.adding(seconds: -1)).date.year, month: 1, day: 1))
        return try ReportPeriod(from: start, to: end)
    }
}
