import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl office list`
struct OfficeList: ServiceCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the offices.")
    static let access = CommandContext.Access.read

    @Flag(help: "Include retired offices.") var all = false
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let offices = try context.perform(Operations.ListOffices.self, .init(includeRetired: all)).offices
        if options.json { return try Output.json(offices, zone: try context.zone) }
        Output.table(
            ["CODE", "KIND", "PARENT", "HOURS", "ACTIVE", "NAME"],
            offices.map {
                [$0.code, $0.kind.rawValue, $0.parent ?? "-", $0.hoursProfile, $0.active ? "yes" : "no", $0.name]
            },
            empty: "No offices.")
    }
}
