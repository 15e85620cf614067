import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl inspection open --office CODE [--at TIME] [--team T]`
struct InspectionOpen: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open the office's due inspection, or a new ad-hoc one.",
        discussion: "Prints the inspection's id, which 'finding log --inspection ID' needs.")
    static let access = CommandContext.Access.write

    @Option(help: "Code of the office visited.") var office: String
    @Option(parsing: .unconditional, help: "When the team arrived (default: now).") var at: String?
    @Option(help: "The inspection team.") var team: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let inspection = try context.perform(
            Operations.OpenInspection.self, .init(office: office, at: try at.map(context.instant), team: team))
        if options.json { return try Output.json(inspection, zone: try context.zone) }
        print("Opened inspection \(inspection.id) (\(inspection.kind.rawValue)) of \(inspection.office).")
    }
}
