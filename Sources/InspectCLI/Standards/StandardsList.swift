import ArgumentParser
import InspectService

/// `inspectctl standards list`
struct StandardsList: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the standards of standards.conf and its drop-ins.")
    static let access = CommandContext.Access.read

    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let standards = try context.perform(Operations.ListStandards.self).standards
        if options.json { return try Output.json(standards, zone: try context.zone) }
        Output.table(
            ["NAME", "LEVEL", "CATEGORY", "TITLE", "REQUIRES", "BASIS"],
            standards.map {
                [
                    $0.name, $0.level?.rawValue ?? "", $0.category?.rawValue ?? "", $0.title ?? "",
                    $0.requirements.map(\.description).joined(separator: ", "), $0.basis,
                ]
            },
            empty: "No standards (no standards.conf next to the configuration).")
    }
}
