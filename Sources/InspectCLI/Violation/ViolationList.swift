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
        let language = options.language
        let labels = ReportLabels(language)
        Output.table(
            [labels.code, labels.severityHeading, labels.nameHeading, labels.legalBasisHeading].map {
                $0.uppercased()
            },
            types.map { type in
                // English keeps the severity's own word, as --json and the configuration write it.
                let severity = language == .vi ? labels.severity(type.severity).lowercased() : type.severity.rawValue
                return [type.code, severity, language == .vi ? type.nameVI : type.nameEN, type.legalBasis]
            },
            empty: language == .vi ? "Không có loại vi phạm nào." : "No violation types.")
    }
}
