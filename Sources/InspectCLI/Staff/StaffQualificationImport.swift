import ArgumentParser
import InspectService

/// `inspectctl staff import-qualifications FILE.csv`
struct StaffQualificationImport: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-qualifications", abstract: "Import qualifications from a CSV file, all or nothing.",
        discussion: """
            The file needs a header row with the columns badge, kind, level, date and evidence, and may have field \
            and reason, with the values 'staff qualify' takes. A row without a reason is kept with "imported from \
            FILE". If any row is bad, its line is reported and nothing from the file is written.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let summary = try context.perform(
            Operations.ImportQualifications.self, .init(csv: try Arguments.fileText(file), path: file))
        if options.json { return try Output.json(summary, zone: try context.zone) }
        print("Imported \(summary.rows) qualifications from \(file).")
    }
}
