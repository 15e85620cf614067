import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl report …`: what the record says, for the district's leadership, per person or per office.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise inspections or the shares meeting the standards; show a person's or an office's history.",
        discussion: "Reports only read the record, in one consistent snapshot.",
        subcommands: [
            ReportSummary.self, ReportStaff.self, ReportOffice.self, ReportStandards.self, ReportTraining.self,
            ReportTests.self, ReportClassification.self, ReportReviewList.self,
        ])
}

/// The timeline table shared by the staff and office reports.
enum TimelineTable {
    static func print(_ entries: [TimelineEntry], zone: LocalZone) {
        Output.table(
            ["WHEN", "WHAT", "DETAILS"],
            entries.map { [zone.display($0.at), $0.kind.rawValue, $0.summary] },
            empty: "Nothing on the record.")
    }

    static func summary(_ summary: HistorySummary) -> String {
        "\(summary.findings) findings as they stand, \(summary.escalations) escalations "
            + "(\(summary.openEscalations) open), \(summary.openActions) corrective actions open "
            + "(\(summary.overdueActions) overdue)"
    }
}
