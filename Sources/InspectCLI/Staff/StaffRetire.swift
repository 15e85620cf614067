import ArgumentParser

/// `inspectctl staff retire BADGE`
struct StaffRetire: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire", abstract: "Retire a person; their record and findings stay.")
    static let access = CommandContext.Access.write

    @Argument(help: "Badge number.") var badge: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let detail = try context.service.retireStaff(badge: badge, by: context.caller)
        if options.json { return try Output.json(detail, zone: context.zone) }
        print("Retired \(badge).")
    }
}
