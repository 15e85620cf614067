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
        let measures =
            export.resolved(options) == .csv
            ? Dictionary(
                uniqueKeysWithValues: try context.perform(Operations.ListViolationTypes.self).types.map {
                    ($0.code, $0.measure)
                }) : [:]
        let range = Operations.PagedRange(
            from: try range.from.map(context.instant), to: try range.to.map(context.instant))
        try export.write(
            Operations.ExportFindings.self, range, after: \.after, next: \.next, rows: \.findings,
            header: ["inspection", "type", "staff", "observed_at", "arrived", "left", "note"],
            csv: { view in
                let finding = view.finding
                let clock = finding.clockTime?.description
                let measure = measures[finding.violation] ?? nil
                return [
                    String(finding.inspection), finding.violation, finding.staff, zone.iso8601(finding.observedAt),
                    measure == .arrival ? clock : nil, measure == .departure ? clock : nil, finding.note,
                ]
            }, context: context, options: options)
    }
}
