import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl report …`: what the record says, per person, per office or across the district.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports from the record: one person's or one office's history.",
        subcommands: [ReportStaff.self, ReportOffice.self])
}

/// The timeline table shared by the staff and office reports.
enum TimelineTable {
    static func print(_ entries: [TimelineEntry], context: CommandContext) {
        Output.table(
            ["WHEN", "WHAT", "DETAILS"],
            entries.map { [context.zone.display($0.at), $0.kind.rawValue, $0.summary] },
            empty: "Nothing on the record.")
    }

    static func summary(_ summary: HistorySummary) -> String {
        "\(summary.findings) findings as they stand, \(summary.escalations) escalations "
            + "(\(summary.openEscalations) open), \(summary.openActions) corrective actions open "
            + "(\(summary.overdueActions) overdue)"
    }
}
