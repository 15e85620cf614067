import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl finding retract ID --reason R`
struct FindingRetract: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract", abstract: "Withdraw a finding; the original stays in the record.")
    static let access = CommandContext.Access.write

    @Argument(help: "The finding's id.") var id: Int64
    @Option(help: "Why it is withdrawn.") var reason: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let view = try context.perform(Operations.RetractFinding.self, .init(id: id, reason: reason))
        if options.json { return try Output.json(view, zone: try context.zone) }
        print("Retracted finding \(id) (row \(view.finding.id)).")
    }
}
