import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl inspection cancel ID --reason R`
struct InspectionCancel: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel an inspection that has no findings.")
    static let access = CommandContext.Access.write

    @Argument(help: "The inspection's id.") var id: Int64
    @Option(help: "Why it is cancelled.") var reason: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let inspection = try context.perform(Operations.CancelInspection.self, .init(id: id, reason: reason))
        if options.json { return try Output.json(inspection, zone: try context.zone) }
        print("Cancelled inspection \(inspection.id) of \(inspection.office).")
    }
}
