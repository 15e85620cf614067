import InspectCore

/// A report document as aligned text for a terminal: title, period, the narrative wrapped to 100 columns, and each
/// table with numbers right-aligned.
enum TextReport {
    static let width = 100

    static func render(_ document: ReportDocument) -> String {
        let numbers = ReportNumbers(document.language)
        var lines = [document.title, document.periodLine, ""]
        lines += wrap(document.narrative, width: width)
        for table in document.tables {
            lines += ["", table.title]
            var header = table.showsKey ? [ReportLabels(document.language).code] : []
            header += [table.heading] + table.columns.map(\.title)
            let rows = (table.rows + (table.total.map { [$0] } ?? [])).map { row in
                (table.showsKey ? [row.key == "total" ? "" : row.key] : []) + [row.label]
                    + row.cells.map { $0.text(numbers) }
            }
            let numeric =
                Array(repeating: false, count: table.showsKey ? 2 : 1)
                + table.columns.indices.map { index in table.rows.first?.cells[index].isNumeric ?? true }
            lines += aligned([header] + rows, numeric: numeric)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func aligned(_ rows: [[String]], numeric: [Bool]) -> [String] {
        var widths = Array(repeating: 0, count: numeric.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            let cells = row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return numeric[index] ? pad + cell : (index == row.count - 1 ? cell : cell + pad)
            }
            return cells.joined(separator: "  ")
        }
    }

    /// Breaks `text` into lines of at most `width` characters at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
