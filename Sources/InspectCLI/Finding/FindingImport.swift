import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl finding import FILE.csv`
struct FindingImport: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import findings from a CSV file into open inspections, all or nothing.",
        discussion: """
            Columns: inspection and type (required); staff, observed_at, arrived, left, note (optional). Every row \
            gets the checks of 'finding log'; if any row is bad, its line is reported and nothing is written.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let summary = try context.perform(
            Operations.ImportFindings.self, .init(csv: try Arguments.fileText(file), path: file))
        if options.json { return try Output.json(summary, zone: try context.zone) }
        print("Imported \(summary.rows) findings from \(file).")
        if let raised = summary.escalations, raised > 0 {
            print("Raised \(raised) escalation\(raised == 1 ? "" : "s"); see 'inspectctl escalation list --open'.")
        }
    }
}
