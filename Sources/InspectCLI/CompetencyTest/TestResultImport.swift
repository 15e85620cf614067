import ArgumentParser
import InspectService

/// `inspectctl tests import SESSION FILE.csv`
struct TestResultImport: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a session's results from a CSV file, all or nothing.",
        discussion: """
            The file needs a header row with the columns badge and score, and may have title (the title tested, \
            when it is not the one recorded for the person). If any row is bad, its line is reported and nothing \
            from the file is written.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The session's number.") var session: Int64
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let summary = try context.perform(
            Operations.ImportTestResults.self,
            .init(session: session, csv: try Arguments.fileText(file), path: file))
        if options.json { return try Output.json(summary, zone: try context.zone) }
        print("Imported \(summary.rows) results of session \(session) from \(file).")
    }
}
