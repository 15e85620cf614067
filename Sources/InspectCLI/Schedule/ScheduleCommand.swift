import ArgumentParser
import Foundation
import InspectCore
import InspectService

/// `inspectctl schedule [--from T --to T] [--reveal]`
struct ScheduleCommand: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "List the inspections and competency test sessions coming up.",
        discussion: """
            Planned inspections are public; surprise and follow-up inspections appear only once due, unless an \
            administrator (\(Role.adminGroup)) adds --reveal. Competency test sessions held on the days of the \
            period follow the inspections; with --json, {inspections, testSessions}.
            """)
    static let access = CommandContext.Access.read

    @Option(parsing: .unconditional, help: "From this time (default: now).") var from: String?
    @Option(parsing: .unconditional, help: "Until this time (default: 60 days after --from).") var to: String?
    @Flag(help: "Also show surprise inspections not yet due (administrators only).") var reveal = false
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let start = try from.map(context.instant) ?? Instant(Date())
        let end = try to.map(context.instant) ?? start.adding(seconds: 60 * 86400)
        let inspections = try context.perform(Operations.Schedule.self, .init(from: start, to: end, reveal: reveal))
            .inspections
        let zone = try context.zone
        let sessions = try context.perform(
            Operations.ListTestSessions.self, .init(from: zone.local(start).date, to: zone.local(end).date)
        ).sessions
        if options.json {
            return try Output.json(Listing(inspections: inspections, testSessions: sessions), zone: zone)
        }
        Output.table(
            ["ID", "DUE", "OFFICE", "KIND", "STATUS", "PLAN", "TEAM", "WINDOW ENDS"],
            inspections.map { inspection in
                [
                    String(inspection.id), inspection.dueAt.map(zone.display) ?? "-", inspection.office,
                    inspection.kind.rawValue, inspection.status.rawValue, inspection.plan ?? "-", inspection.team ?? "",
                    inspection.windowEnd.map(zone.display) ?? "-",
                ]
            },
            empty: "Nothing scheduled between \(zone.display(start)) and \(zone.display(end)).")
        guard !sessions.isEmpty else { return }
        print("\nCompetency test sessions:")
        TestSessionTable.print(sessions, empty: "")
    }

    /// What `--json` prints: both lists, so a program sees the sessions the table shows after the inspections.
    struct Listing: Encodable {
        var inspections: [Inspection]
        var testSessions: [TestSession]
    }
}
