import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl tests record SESSION BADGE SCORE [--title CODE]`
struct TestResultRecord: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record one person's competency test result.",
        discussion: """
            The score is 0 to 100 with at most one decimal (87.5 or 87,5). The person must work at one of the \
            session's offices and hold one of its titles: the title recorded for them ('staff title'), or --title. \
            A result is a link of a hash chain: it is never edited; correct it with 'tests amend'.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The session's number.") var session: Int64
    @Argument(help: "Badge number.") var badge: String
    @Argument(help: "The score, 0 to 100.") var score: String
    @Option(help: "The title tested (default: the person's recorded title).") var title: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let request = TestResultRequest(
            session: session, badge: badge, score: try TestsCommand.score(score), title: title)
        let result = try context.perform(Operations.RecordTestResult.self, request)
        if options.json { return try Output.json(result, zone: try context.zone) }
        print("Recorded result \(result.id) of \(badge) in session \(session)\(result.band.map { " (\($0))" } ?? "").")
    }
}
