import ArgumentParser
import InspectService

/// `inspectctl training import FILE.csv`
struct TrainingImport: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import attendances of courses from a CSV file, all or nothing.",
        discussion: """
            The file needs a header row with the columns course and badge, and may have completed and evidence, \
            with the values 'training attend' takes. If any row is bad, its line is reported and nothing from the \
            file is written.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let summary = try context.perform(
            Operations.ImportAttendances.self, .init(csv: try Arguments.fileText(file), path: file))
        if options.json { return try Output.json(summary, zone: try context.zone) }
        print("Imported \(summary.rows) attendances from \(file).")
    }
}
