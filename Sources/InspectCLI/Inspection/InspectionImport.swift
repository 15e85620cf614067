import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl inspection import FILE.csv [--findings FILE.csv]`
struct InspectionImport: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import inspections, with their findings, from CSV files (as 'export' writes them), all or nothing.",
        discussion: """
            Columns: id, office, kind, status (required); plan, due_at, window_end, team, opened_at, opened_by, \
            closed_at, closed_by, checked, cancel_reason (optional). Each inspection keeps its id (refused if the \
            id is taken), status and times. --findings adds the findings made in them (columns as for 'finding \
            import'), even in closed inspections, as long as each was observed while its inspection was open. If \
            any row is bad, its file and line are reported and nothing is written.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The inspections CSV file.") var file: String
    @Option(help: "A findings CSV file to import with them.") var findings: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let summary = try context.perform(
            Operations.ImportInspections.self,
            .init(
                csv: try Arguments.fileText(file), path: file,
                findings: try findings.map { .init(csv: try Arguments.fileText($0), path: $0) }))
        if options.json { return try Output.json(summary, zone: try context.zone) }
        print(
            "Imported \(summary.inspections.rows) inspections from \(file)"
                + (summary.findings.map { " and \($0.rows) findings from \($0.path)" } ?? "") + ".")
    }
}
