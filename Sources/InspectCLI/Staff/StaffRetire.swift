import ArgumentParser
import InspectService

/// `inspectctl staff retire BADGE`
struct StaffRetire: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire", abstract: "Retire a person; their record and findings stay.")
    static let access = CommandContext.Access.write

    @Argument(help: "Badge number.") var badge: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let detail = try context.perform(Operations.RetireStaff.self, .init(badge: badge))
        if options.json { return try Output.json(detail, zone: try context.zone) }
        print("Retired \(badge).")
    }
}
