import ArgumentParser

/// `inspectctl export …`: the record as files for spreadsheets, programs and calendars.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export offices, staff, inspections, findings (CSV or JSON) and planned inspections (iCalendar).",
        discussion: """
            CSV exports have the columns the import commands read, so a record can be moved to another database: \
            office import, staff import, then inspection import INSPECTIONS.csv --findings FINDINGS.csv.
            """,
        subcommands: [
            ExportOffices.self, ExportStaff.self, ExportInspections.self, ExportFindings.self, ExportCalendar.self,
        ])
}

/// How a table of records is exported.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    /// The columns the matching import command reads.
    case csv
    /// The records as `--json` listings show them.
    case json
}

/// The options every record export takes.
struct ExportOptions: ParsableArguments {
    @Option(help: "How to write the records (default: csv).") var format: ExportFormat?
    @Option(help: "Write to this file instead of standard output.") var output: String?

    /// The format asked for; `--json` means json.
    func resolved(_ options: GlobalOptions) -> ExportFormat { format ?? (options.json ? .json : .csv) }
}

/// A period to export, both ends optional.
struct ExportRange: ParsableArguments {
    @Option(parsing: .unconditional, help: "From this time (inclusive).") var from: String?
    @Option(parsing: .unconditional, help: "Until this time (exclusive).") var to: String?
}
