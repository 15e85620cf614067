import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl staff move BADGE --to CODE [--at TIME]`
struct StaffMove: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move a person to another office, keeping their history.")
    static let access = CommandContext.Access.write

    @Argument(help: "Badge number.") var badge: String
    @Option(help: "Code of the new office.") var to: String
    @Option(parsing: .unconditional, help: "When the move took effect (default: now).") var at: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let detail = try context.perform(
            Operations.MoveStaff.self, .init(badge: badge, office: to, at: try at.map(context.instant)))
        if options.json { return try Output.json(detail, zone: try context.zone) }
        print("Moved \(badge) to \(detail.staff.office).")
    }
}
