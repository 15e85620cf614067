import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl report office CODE [--from T] [--to T]`
struct ReportOffice: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "office",
        abstract: "One office's history: inspections, findings, escalations, actions, staff moves.",
        discussion: """
            Findings are those made in the office's inspections, about the office or whoever worked there then. \
            Escalations are those about the office and those about a person raised by a finding made there. \
            Inspections still scheduled are left out: surprises and follow-ups are secret until due.
            """)
    static let access = CommandContext.Access.read

    @Argument(help: "The office's code.") var code: String
    @Option(parsing: .unconditional, help: "Only entries from this time (inclusive).") var from: String?
    @Option(parsing: .unconditional, help: "Only entries before this time.") var to: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let report = try context.perform(
            Operations.OfficeHistory.self,
            .init(code: code, from: try from.map(context.instant), to: try to.map(context.instant)))
        if options.json { return try Output.json(report, zone: try context.zone) }
        let office = report.office
        Output.fields([
            ("Code", office.code),
            ("Name", office.name),
            ("Kind", office.kind.rawValue),
            ("Violation rate", RiskLine.text(report.risk)),
            ("Record", TimelineTable.summary(report.summary)),
        ])
        print("")
        TimelineTable.print(report.timeline, zone: try context.zone)
    }
}
