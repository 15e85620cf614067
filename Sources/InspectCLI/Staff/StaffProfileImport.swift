import ArgumentParser
import InspectService

/// `inspectctl staff import-profile FILE.csv`
struct StaffProfileImport: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-profile", abstract: "Import levels and titles from a CSV file, all or nothing.",
        discussion: """
            The file needs a header row with the columns badge, aspect (level or title), value (the level, or the \
            title's code), date (the day it took effect) and reason, and may have evidence (the decision): the \
            values 'staff level' and 'staff title' take, checked as they check them. A person's rows apply in the \
            file's order, so a career may be given oldest change first. If any row is bad, its line is reported \
            and nothing from the file is written.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let summary = try context.perform(
            Operations.ImportProfile.self, .init(csv: try Arguments.fileText(file), path: file))
        if options.json { return try Output.json(summary, zone: try context.zone) }
        print("Imported \(summary.rows) levels and titles from \(file).")
    }
}
