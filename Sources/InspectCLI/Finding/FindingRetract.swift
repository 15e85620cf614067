import ArgumentParser
import InspectCore

/// `inspectctl finding retract ID --reason R`
struct FindingRetract: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract", abstract: "Withdraw a finding; the original stays in the record.")
    static let access = CommandContext.Access.write

    @Argument(help: "The finding's id.") var id: Int64
    @Option(help: "Why it is withdrawn.") var reason: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let view = try context.service.retractFinding(id: id, reason: reason, by: context.caller)
        if options.json { return try Output.json(view, zone: context.zone) }
        print("Retracted finding \(id) (row \(view.finding.id)).")
    }
}
