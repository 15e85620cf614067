import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl tests results [--session N] [--year Y] [--staff BADGE]`
struct TestResultList: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "results", abstract: "List competency test results, corrections included.",
        discussion: """
            Results are personal: a user in neither inspectd group sees only those of the person linked to their \
            login ('staff link'). A corrected result is listed with the result that amends it.
            """)
    static let access = CommandContext.Access.read

    @Option(help: "Only this session's results.") var session: Int64?
    @Option(help: "Only the results of sessions held in this year.") var year: Int?
    @Option(help: "Only this person's results.") var staff: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let reply = try context.perform(
            Operations.ListTestResults.self, TestResultFilter(session: session, year: year, badge: staff))
        if options.json { return try Output.json(reply, zone: try context.zone) }
        Output.table(
            ["RESULT", "SESSION", "BADGE", "TITLE", "OFFICE", "SCORE", "BAND", "AMENDS", "REASON"],
            reply.results.map {
                [
                    String($0.id), String($0.session), $0.badge, $0.title, $0.office, $0.score.description,
                    $0.band ?? "", $0.amends.map(String.init) ?? "", $0.reason ?? "",
                ]
            },
            empty: "No results.")
    }
}
