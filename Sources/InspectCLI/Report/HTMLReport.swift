import InspectCore

/// A report document as one self-contained HTML page: the narrative, bar charts of violations by type, by month and
/// by office, or by site in a center's report (inline SVG), and every table. No script, no external resource: it opens offline and prints on A4.
///
/// Tables carry their section as `id`, rows their key as `data-key` and header cells their measure as `data-key`,
/// so a program can find a number by the same keys as in the JSON.
enum HTMLReport {
    static func render(_ document: ReportDocument, report: SummaryReport) -> String {
        let numbers = ReportNumbers(document.language)
        var html = [
            "<!DOCTYPE html>",
            "<html lang=\"\(document.language.rawValue)\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(escape(document.title))</title>",
            "<style>\n\(style)</style>",
            "</head>",
            "<body>",
            "<header>",
            "<h1>\(escape(document.title))</h1>",
            "<p class=\"period\">\(escape(document.periodLine))</p>",
            "</header>",
            "<p class=\"narrative\">\(escape(document.narrative))</p>",
            "<section class=\"charts\">",
        ]
        for chart in charts(report, document: document, numbers: numbers) {
            html += [
                "<figure>", "<figcaption>\(escape(chart.title))</figcaption>", chart.render(),
            ]
            if let note = chart.note { html.append("<p class=\"note\">\(escape(note))</p>") }
            html.append("</figure>")
        }
        html.append("</section>")
        for table in document.tables {
            html += [
                "<section>", "<h2>\(escape(table.title))</h2>", "<table id=\"\(escape(table.id))\">", "<thead><tr>",
            ]
            if table.showsKey {
                html.append("<th data-key=\"code\">\(escape(ReportLabels(document.language).code))</th>")
            }
            html.append("<th data-key=\"label\">\(escape(table.heading))</th>")
            for column in table.columns {
                html.append("<th data-key=\"\(escape(column.key))\">\(escape(column.title))</th>")
            }
            html.append("</tr></thead>")
            html.append("<tbody>")
            for row in table.rows { html.append(rowHTML(row, table: table, numbers: numbers, total: false)) }
            html.append("</tbody>")
            if let total = table.total {
                html += ["<tfoot>", rowHTML(total, table: table, numbers: numbers, total: true), "</tfoot>"]
            }
            html += ["</table>", "</section>"]
        }
        html += ["</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    private static func rowHTML(_ row: ReportRow, table: ReportTable, numbers: ReportNumbers, total: Bool) -> String {
        var cells: [String] = []
        if table.showsKey { cells.append("<td class=\"code\">\(total ? "" : escape(row.key))</td>") }
        cells.append("<th scope=\"row\">\(escape(row.label))</th>")
        for cell in row.cells {
            cells.append("<td\(cell.isNumeric ? " class=\"num\"" : "")>\(escape(cell.text(numbers)))</td>")
        }
        return "<tr data-key=\"\(escape(row.key))\">" + cells.joined() + "</tr>"
    }

    /// Violations by type, by month, and by site and by office where the report has them, from the report's values.
    private static func charts(
        _ report: SummaryReport, document: ReportDocument, numbers: ReportNumbers
    )
        -> [SVGBarChart]
    {
        let labels = ReportLabels(document.language)
        func text(_ count: Int, _ share: Tenths?) -> String {
            numbers.integer(count) + (share.map { " (" + numbers.percent($0) + ")" } ?? "")
        }
        var charts = [
            SVGBarChart(
                title: labels.title(.violationsByType),
                bars: report.violations.byType.map {
                    .init(label: $0.name(in: document.language), value: $0.count, text: text($0.count, $0.share))
                })
        ]
        for dimension in [BreakdownDimension.month, .site, .office] {
            guard let breakdown = report.breakdown(dimension) else { continue }
            var bars = breakdown.rows.map { row in
                let label =
                    dimension == .month
                    ? ReportMonth(iso: row.key).map { ReportDates.month($0, document.language) } ?? row.key
                    : row.name ?? row.key
                return SVGBarChart.Bar(label: label, value: row.violations, text: text(row.violations, row.share))
            }
            var note: String?
            if dimension != .month {
                // Sites and offices with the most violations first; those with none would only lengthen the page:
                // counted.
                bars = bars.filter { $0.value > 0 }.sorted { $0.value > $1.value }
                let without = breakdown.rows.count - bars.count
                if without > 0 {
                    note =
                        dimension == .site
                        ? labels.sitesWithoutViolations(numbers.integer(without), count: without)
                        : labels.officesWithoutViolations(numbers.integer(without), count: without)
                }
            }
            charts.append(SVGBarChart(title: chartTitle(dimension, labels: labels), bars: bars, note: note))
        }
        return charts
    }

    private static func chartTitle(_ dimension: BreakdownDimension, labels: ReportLabels) -> String {
        let violations = labels.measure("violations")
        return "\(violations): \(labels.title(dimension).lowercased())"
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static let style = """
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 11pt; color: #111;
          max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
        h1 { font-size: 16pt; margin-bottom: 0.2em; }
        h2 { font-size: 12.5pt; margin: 1.4em 0 0.4em; }
        .period { color: #333; margin-top: 0; }
        .narrative { text-align: justify; }
        table { border-collapse: collapse; margin: 0.3em 0 1em; }
        th, td { border: 1px solid #999; padding: 0.2em 0.6em; vertical-align: top; }
        thead th { background: #e8eef4; text-align: left; }
        tbody th, tfoot th { text-align: left; font-weight: normal; }
        tfoot th, tfoot td { font-weight: bold; background: #f4f4f4; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.code { font-family: "DejaVu Sans Mono", monospace; font-size: 9.5pt; white-space: nowrap; }
        figure { margin: 1em 0; }
        figcaption { font-weight: bold; margin-bottom: 0.3em; }
        figure .note { color: #333; font-size: 10pt; margin: 0.2em 0 0; }
        svg { max-width: 100%; height: auto; font-size: 12px; }
        svg text { fill: #111; }
        svg .bar { fill: #2f6f9f; }
        @page { size: A4; margin: 15mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          section, figure { break-inside: avoid; }
          tr { break-inside: avoid; }
          thead { display: table-header-group; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
