import ArgumentParser
import InspectService

/// `inspectctl staff titles`
struct StaffTitleList: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "titles", abstract: "List the titles of titles.conf and its drop-ins.")
    static let access = CommandContext.Access.read

    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let titles = try context.perform(Operations.ListTitles.self).titles
        if options.json { return try Output.json(titles, zone: try context.zone) }
        Output.table(
            ["CODE", "LEVEL", "CATEGORY", "NAME"],
            titles.map { [$0.code, $0.level?.rawValue ?? "", $0.category?.rawValue ?? "", $0.name] },
            empty: "No titles (no titles.conf next to the configuration).")
    }
}
