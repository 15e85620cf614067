import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl tests sessions [--from DATE] [--to DATE]`
struct TestSessionList: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions", abstract: "List the competency test sessions, by day.")
    static let access = CommandContext.Access.read

    @Option(help: "Only sessions held on or after this day, YYYY-MM-DD.") var from: String?
    @Option(help: "Only sessions held on or before this day, YYYY-MM-DD.") var to: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let reply = try context.perform(
            Operations.ListTestSessions.self,
            .init(
                from: try from.map { try ProfileChangeOptions.date($0, option: "--from") },
                to: try to.map { try ProfileChangeOptions.date($0, option: "--to") }))
        if options.json { return try Output.json(reply, zone: try context.zone) }
        TestSessionTable.print(reply.sessions, empty: "No test sessions.")
    }
}

/// The sessions as a table, for `tests sessions` and `schedule`.
enum TestSessionTable {
    static func print(_ sessions: [TestSession], empty: String) {
        Output.table(
            ["SESSION", "DAY", "TITLES", "OFFICES", "NAME"],
            sessions.map {
                [
                    String($0.id), $0.day.description, $0.titles.joined(separator: ","), String($0.offices.count),
                    $0.name,
                ]
            },
            empty: empty)
    }
}
