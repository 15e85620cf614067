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
        let zone = try context.zone
        var json = JSONArrayPages()
        var continuing = false
        try context.forEachPage(
            Operations.ListStaff.self, .init(office: office, includeRetired: all), after: \.after, next: \.next
        ) { page in
            if options.json { return Swift.print(try json.text(page.staff, zone: zone), terminator: "") }
            Output.table(
                ["BADGE", "OFFICE", "CATEGORY", "ACTIVE", "NAME", "TITLE"],
                page.staff.map {
                    [$0.badge, $0.office, $0.category.rawValue, $0.active ? "yes" : "no", $0.name, $0.title ?? ""]
                },
                empty: "No staff.", continuing: continuing)
            continuing = true
        }
        if options.json { Swift.print(try json.end(zone: zone), terminator: "") }
    }
}
