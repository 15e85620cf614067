import InspectCore

/// A report document as Markdown: a heading, the period, the narrative as a paragraph, and pipe tables with numbers
/// right-aligned and totals in bold.
enum MarkdownReport {
    static func render(_ document: ReportDocument) -> String {
        let numbers = ReportNumbers(document.language)
        var lines = [
            "# \(escape(document.title))", "", "*\(escape(document.periodLine))*", "", escape(document.narrative),
        ]
        for table in document.tables {
            lines += ["", "## \(escape(table.title))", ""]
            let header =
                (table.showsKey ? [ReportLabels(document.language).code] : []) + [table.heading]
                + table.columns.map(\.title)
            lines.append("| " + header.map(escape).joined(separator: " | ") + " |")
            let alignments =
                Array(repeating: "---", count: table.showsKey ? 2 : 1)
                + table.columns.indices.map { index in
                    table.rows.first?.cells[index].isNumeric ?? true ? "---:" : "---"
                }
            lines.append("| " + alignments.joined(separator: " | ") + " |")
            for row in table.rows {
                let cells = (table.showsKey ? [row.key] : []) + [row.label] + row.cells.map { $0.text(numbers) }
                lines.append("| " + cells.map(escape).joined(separator: " | ") + " |")
            }
            if let total = table.total {
                let cells =
                    (table.showsKey ? [""] : []) + [total.label] + total.cells.map { $0.text(numbers) }
                lines.append("| " + cells.map { $0.isEmpty ? "" : "**\(escape($0))**" }.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes the characters Markdown would read as table cells or emphasis.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "|*_\\`[]<>".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
