import ArgumentParser

/// How a report is written.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    /// Aligned text for a terminal, with the narrative first.
    case table
    /// The report's values (`SummaryReport`), for programs.
    case json
    /// One value per line (`section,key,label,measure,value`), for spreadsheets.
    case csv
    /// The narrative and the tables, for documents and wikis.
    case markdown
    /// One self-contained page with the tables and charts, readable when printed.
    case html
}
