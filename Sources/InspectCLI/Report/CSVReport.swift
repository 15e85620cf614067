import InspectCore

/// A report document as CSV for spreadsheets, one value per line: `section,key,label,measure,value`.
///
/// `section` is the table's id (`inspections`, `violationsByType`, `by-office`, …), `key` the row's stable key (a
/// kind, code, month or JSON measure, `total` for totals), `label` its name in the report's language, `measure` the
/// column's JSON key. Values are plain numbers (`15.1`, never `15,1%`) so any spreadsheet reads them; an empty value
/// means none (a rate without a base). The first lines give the period.
enum CSVReport {
    static func render(_ document: ReportDocument, report: SummaryReport, zone: LocalZone) -> String {
        var csv = CSVWriter(header: ["section", "key", "label", "measure", "value"])
        let labels = ReportLabels(document.language)
        for (key, period) in [("current", report.period), ("previous", report.previousPeriod)] {
            let label = key == "current" ? labels.period : labels.measure("previous")
            csv.append(["period", key, label, "from", zone.iso8601(period.from)])
            csv.append(["period", key, label, "to", zone.iso8601(period.to)])
        }
        for table in document.tables {
            for row in table.rows + (table.total.map { [$0] } ?? []) {
                guard !table.columns.isEmpty else {
                    csv.append([table.id, row.key, row.label, "", ""])
                    continue
                }
                for (column, cell) in zip(table.columns, row.cells) {
                    csv.append([table.id, row.key, row.label, column.key, cell.plain])
                }
            }
        }
        return csv.text
    }
}
