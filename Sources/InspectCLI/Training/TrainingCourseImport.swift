import ArgumentParser
import InspectService

/// `inspectctl training import-courses FILE.csv`
struct TrainingCourseImport: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-courses", abstract: "Import courses from a CSV file, all or nothing.",
        discussion: """
            The file needs a header row with the columns code, name, kind, field, provider, start and end, and level \
            for degrees, with the values 'training add-course' takes. If any row is bad, its line is reported and \
            nothing from the file is written.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let summary = try context.perform(
            Operations.ImportCourses.self, .init(csv: try Arguments.fileText(file), path: file))
        if options.json { return try Output.json(summary, zone: try context.zone) }
        print("Imported \(summary.rows) courses from \(file).")
    }
}
