import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl finding retract ID --reason R`
struct FindingRetract: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract", abstract: "Withdraw a finding; the original stays in the record.",
        discussion: """
            --at says when it was withdrawn, if not now: on the spot, for a round written up later (as \
            'finding amend --at'); timelines show the retraction then.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The finding's id.") var id: Int64
    @Option(help: "Why it is withdrawn.") var reason: String
    @Option(parsing: .unconditional, help: "When it was withdrawn (default: now).") var at: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let view = try context.perform(
            Operations.RetractFinding.self, .init(id: id, reason: reason, at: try at.map(context.instant)))
        if options.json { return try Output.json(view, zone: try context.zone) }
        print("Retracted finding \(id) (row \(view.finding.id)).")
    }
}
