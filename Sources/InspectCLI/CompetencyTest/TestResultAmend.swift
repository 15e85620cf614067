import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl tests amend RESULT SCORE --reason R`
struct TestResultAmend: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend", abstract: "Correct a competency test result, with the reason.",
        discussion: """
            The correction is a new result that amends the old one, which stays as it was; reports count the \
            correction. Only the latest correction of a result can be amended again.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The result's number.") var result: Int64
    @Argument(help: "The corrected score, 0 to 100.") var score: String
    @Option(help: "Why it is corrected (kept with it; at most 2000 characters).") var reason: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let amended = try context.perform(
            Operations.AmendTestResult.self,
            TestAmendRequest(result: result, score: try TestsCommand.score(score), reason: reason))
        if options.json { return try Output.json(amended, zone: try context.zone) }
        print("Corrected result \(result) by result \(amended.id).")
    }
}
