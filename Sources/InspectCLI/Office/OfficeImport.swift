import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl office import FILE.csv`
struct OfficeImport: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import offices from a CSV file, all or nothing.",
        discussion: """
            The file needs a header row with the columns code and name, and may have parent, kind and hours. \
            A parent may be an existing office or one earlier in the file. If any row is bad, its line is \
            reported and nothing from the file is written.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let summary = try context.perform(
            Operations.ImportOffices.self, .init(csv: try Arguments.fileText(file), path: file))
        if options.json { return try Output.json(summary, zone: try context.zone) }
        print("Imported \(summary.rows) offices from \(file).")
    }
}
