import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl violation list`
struct ViolationList: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the violation types with their severity and legal basis.")
    static let access = CommandContext.Access.read

    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let types = try context.perform(Operations.ListViolationTypes.self).types
        if options.json { return try Output.json(types, zone: context.zone) }
        Output.table(
            ["CODE", "SEVERITY", "NAME", "LEGAL BASIS"],
            types.map {
                [$0.code, $0.severity.rawValue, options.language == .vi ? $0.nameVI : $0.nameEN, $0.legalBasis]
            },
            empty: "No violation types.")
    }
}
