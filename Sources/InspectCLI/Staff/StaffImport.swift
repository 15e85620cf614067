import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl staff import FILE.csv`
struct StaffImport: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import staff from a CSV file, all or nothing.",
        discussion: """
            The file needs a header row with the columns badge, name and office, and may have title and category. \
            If any row is bad, its line is reported and nothing from the file is written.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let summary = try context.perform(
            Operations.ImportStaff.self, .init(csv: try Arguments.fileText(file), path: file))
        if options.json { return try Output.json(summary, zone: try context.zone) }
        print("Imported \(summary.rows) staff from \(file).")
    }
}
