import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl export findings [--from T --to T] [--format csv|json]`
struct ExportFindings: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "Export findings as they stand (amended ones as amended, no retracted ones).",
        discussion: """
            A finding is in the range when it was observed in it. CSV columns: \
            inspection,type,staff,observed_at,arrived,left,note, as 'finding import' and 'inspection import \
            --findings' read them (minutes follow from the arrival or departure time and the office's hours). JSON \
            has every field of 'finding list --json', with office, severity and minutes.
            """)
    static let access = CommandContext.Access.read

    @OptionGroup var range: ExportRange
    @OptionGroup var export: ExportOptions
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let zone = try context.zone
        let format = export.resolved(options)
        let measures =
            format == .csv
            ? Dictionary(
                uniqueKeysWithValues: try context.perform(Operations.ListViolationTypes.self).types.map {
                    ($0.code, $0.measure)
                }) : [:]
        let output = try PagedOutput(path: export.output)
        var json = JSONArrayPages()
        var csv = CSVWriter(header: ["inspection", "type", "staff", "observed_at", "arrived", "left", "note"])
        let range = Operations.PagedRange(
            from: try range.from.map(context.instant), to: try range.to.map(context.instant))
        try context.forEachPage(Operations.ExportFindings.self, range, after: \.after, next: \.next) { page in
            switch format {
            case .json: try output.write(try json.text(page.findings, zone: zone))
            case .csv:
                for view in page.findings {
                    let finding = view.finding
                    let clock = finding.clockTime?.description
                    let measure = measures[finding.violation] ?? nil
                    csv.append([
                        String(finding.inspection), finding.violation, finding.staff,
                        zone.iso8601(finding.observedAt),
                        measure == .arrival ? clock : nil, measure == .departure ? clock : nil, finding.note,
                    ])
                }
                try output.write(csv.take())
            }
        }
        try output.write(format == .json ? try json.end(zone: zone) : csv.take())
        try output.finish()
    }
}
