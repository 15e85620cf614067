import ArgumentParser

/// `inspectctl uplink …`: this site's link to the province's center.
struct UplinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uplink", abstract: "See and drive this site's uplink to the province's center.",
        discussion: """
            With [Uplink] URL= in inspectd.conf, the daemon sends every fact the record commits to the center's \
            PostgreSQL, in commit order and once each, and keeps what it has not sent yet until the center can be \
            reached again. Surprise and follow-up inspections still scheduled, and their draws, stay on the site \
            until they fall due. See the README, "A province's center".
            """,
        subcommands: [UplinkStatusShow.self, UplinkSend.self])
}
