import ArgumentParser
import InspectCentral

/// `inspectctl central init URL [--password-file F]`: creates the center's schema or brings it up to date.
struct CentralInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create or migrate the center's schema, roles and reporting views.",
        discussion: """
            Run it as the database's owner, a user who may also create roles (CREATEROLE), after creating the \
            database (createdb inspectd). It creates the schema 'center' (the sites and every kind of fact, each \
            keyed by the site and the site's own row id), the schema 'reporting' (views), and two group roles: \
            inspectd_sites, whose members add their own site's rows and nothing else (row-level security; no \
            UPDATE, no DELETE), and inspectd_reporting, which reads the views only. Each schema version is applied \
            once and recorded in center.schema_version: running it again changes nothing, and an inspectctl newer \
            than the center brings it up to date. Add each site with 'inspectctl central site-add'.
            """)

    @OptionGroup var connection: CentralConnectionOptions
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let outcome = try connection.withConnection("init") { try await CentralMigrator.migrate($0) }
        if options.json { return try Output.json(outcome, zone: .utc) }
        if outcome.applied.isEmpty {
            print("center schema is up to date (version \(outcome.current))")
        } else {
            let versions = outcome.applied.map(String.init).joined(separator: ", ")
            print("center schema at version \(outcome.current) (applied \(versions))")
        }
    }
}
