import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl status`
struct StatusCommand: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show whether inspectd runs, what is due and the latest events.",
        discussion: """
            The daemon counts as running when it answers on its socket next to the database. Surprise inspections \
            are not shown before they are due. Events are those your role may read: everyone sees the service's \
            life and the public schedule; inspectors also what was found; administrators also refused calls and \
            configuration errors.
            """)
    static let access = CommandContext.Access.read

    @Option(help: "How many recent events to show (0 to 100).") var events = 5
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let report = try context.perform(Operations.Status.self, .init(recent: events))
        let daemon = context.daemon
        if options.json {
            return try Output.json(StatusJSON(daemonRunning: daemon.running, report: report), zone: try context.zone)
        }
        let zone = try context.zone
        var next = "none scheduled"
        if let inspection = report.nextPlanned {
            next = "\(inspection.office) \(inspection.dueAt.map(zone.display) ?? "") (inspection \(inspection.id))"
        }
        Output.fields([
            ("Daemon", daemon.running ? "running" : "not running (no answer on \(daemon.socket))"),
            ("Next planned", next),
            ("Due", String(report.due)),
            ("Open", String(report.open)),
            ("Events waiting", report.pendingEvents > 0 ? "\(report.pendingEvents) (not yet in the journal)" : "none"),
        ])
        guard !report.recentEvents.isEmpty else { return }
        print("Recent events:")
        for event in report.recentEvents {
            print("  \(zone.display(event.at))  \(event.priority)  \(event.message)\(event.sent ? "" : "  [waiting]")")
        }
    }
}

private struct StatusJSON: Encodable {
    var daemonRunning: Bool
    var report: StatusReport
}
