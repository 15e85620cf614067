import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl staff list [--office CODE]`
struct StaffList: ServiceCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff.")
    static let access = CommandContext.Access.read

    @Option(help: "Only the staff of this office.") var office: String?
    @Flag(help: "Include retired staff.") var all = false
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let staff = try context.perform(Operations.ListStaff.self, .init(office: office, includeRetired: all)).staff
        if options.json { return try Output.json(staff, zone: try context.zone) }
        Output.table(
            ["BADGE", "OFFICE", "CATEGORY", "ACTIVE", "NAME", "TITLE"],
            staff.map {
                [$0.badge, $0.office, $0.category.rawValue, $0.active ? "yes" : "no", $0.name, $0.title ?? ""]
            },
            empty: "No staff.")
    }
}
