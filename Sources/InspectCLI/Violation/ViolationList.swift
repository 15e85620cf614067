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
        Output.table(
            ["CODE", "SEVERITY", "NAME", "LEGAL BASIS"],
            types.map {
                [$0.code, $0.severity.rawValue, options.language == .vi ? $0.nameVI : $0.nameEN, $0.legalBasis]
            },
            empty: "No violation types.")
    }
}
