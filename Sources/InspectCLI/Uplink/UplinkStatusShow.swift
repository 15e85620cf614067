import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl uplink status`
struct UplinkStatusShow: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what waits to be sent to the center, the last success and the last error.",
        discussion: """
            For administrators. The backlog counts the changes and findings recorded since the last fact the center \
            acknowledged, and gives when the oldest of them was written. The last success is when the uplink last \
            sent something or recovered (a round with nothing to send changes nothing); the last error is the \
            failure of the latest round, since when it has lasted (the daemon's rounds, or 'uplink send').
            """)
    static let access = CommandContext.Access.read

    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let report = try context.perform(Operations.UplinkStatus.self)
        let zone = try context.zone
        if options.json { return try Output.json(report, zone: zone) }
        let state = report.state
        let backlog = report.backlog
        Output.fields([
            ("Center", report.url ?? "not configured ([Uplink] URL= in inspectd.conf)"),
            (
                "Waiting",
                backlog.rows == 0
                    ? "nothing"
                    : "\(backlog.rows) (\(backlog.entries) changes, \(backlog.findings) findings)"
                        + (backlog.oldest.map { ", oldest written \(zone.display($0))" } ?? "")
            ),
            ("Sent", "\(state.factsSent) facts; up to change \(state.ledgerSeq) and finding \(state.findingID)"),
            ("Last success", state.lastSuccess.map(zone.display) ?? "never"),
            (
                "Last error",
                state.lastError.map { "\($0) (since \(state.lastErrorAt.map(zone.display) ?? ""))" } ?? "none"
            ),
            ("Diverged", state.diverged ?? "no"),
        ])
    }
}
