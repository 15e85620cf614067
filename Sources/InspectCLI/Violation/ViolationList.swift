import ArgumentParser
import InspectCore

/// `inspectctl violation list`
///
/// The types are the ones inspectd ships with, which every database is seeded with and which nothing changes
/// afterwards: the list needs neither the daemon nor a database.
struct ViolationList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the violation types with their severity and legal basis.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let types = ViolationType.defaults.sorted { $0.code < $1.code }
        // No instants in the list: the zone does not matter.
        if options.json { return try Output.json(types, zone: .utc) }
        let language = options.settings.language
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
