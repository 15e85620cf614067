import ArgumentParser
import InspectService

/// `inspectctl staff unlink BADGE`
struct StaffUnlink: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlink", abstract: "Remove the link between a person and their Unix login.")
    static let access = CommandContext.Access.write

    @Argument(help: "Badge number.") var badge: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let detail = try context.perform(Operations.LinkStaff.self, .init(badge: badge, login: nil))
        if options.json { return try Output.json(detail, zone: try context.zone) }
        print("Unlinked \(badge) (\(detail.staff.name)) from their login.")
    }
}
