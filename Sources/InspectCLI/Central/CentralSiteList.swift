import ArgumentParser
import InspectCentral
import InspectCore

/// `inspectctl central sites URL`
struct CentralSiteList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sites", abstract: "List the center's sites: what each has sent, when, and which diverged.",
        discussion: """
            Reads the view reporting.sites, so the read-only role (inspectd_reporting) is enough. A site whose \
            record no longer continues what the center holds (cut, rewritten, restored from an older backup) is \
            flagged, with the reason; its findings from then on are kept apart (center.divergent_finding).
            """)

    @OptionGroup var connection: CentralConnectionOptions
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let sites = try connection.withConnection("sites") { try await CentralSiteStatus.list($0) }
        if options.json { return try Output.json(sites, zone: .utc) }
        Output.table(
            ["SITE", "RECORD", "FINDINGS", "DIVERGENT", "LAST BATCH (UTC)", "FLAG"],
            sites.map { site in
                [
                    site.name, site.record, String(site.findings), String(site.divergentFindings),
                    site.lastBatch.map { LocalZone.utc.display($0) } ?? "never",
                    site.flag.map { "since \(LocalZone.utc.display($0.at)): \($0.reason)" } ?? "",
                ]
            }, empty: "No sites.")
    }
}
