import ArgumentParser

/// `inspectctl report …`: what the record says, for the district's leadership.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise inspections and their findings for a period.",
        discussion: "Reports only read the record, in one consistent snapshot.",
        subcommands: [ReportSummary.self])
}
