import InspectCore
import InspectService

extension ExportOptions {
    /// Writes every page of a record export as it arrives: the rows as a JSON array (as `--json` listings show them),
    /// or as CSV with `header` and one line per row, to standard output or to `--output`, which appears only when
    /// whole. The one frame the exports of staff, inspections and findings share; they differ in the operation and
    /// their CSV columns.
    func write<Op: APIOperation, Cursor, Row: Encodable>(
        _ operation: Op.Type, _ parameters: Op.Parameters, after: WritableKeyPath<Op.Parameters, Cursor?>,
        next: (Op.Reply) -> Cursor?, rows: (Op.Reply) -> [Row], header: [String], csv line: (Row) -> [String?],
        context: CommandContext, options: GlobalOptions
    ) throws {
        let zone = try context.zone
        let format = resolved(options)
        let destination = try PagedOutput(path: output)
        var json = JSONArrayPages()
        var csv = CSVWriter(header: header)
        try context.forEachPage(operation, parameters, after: after, next: next) { page in
            switch format {
            case .json: try destination.write(try json.text(rows(page), zone: zone))
            case .csv:
                for row in rows(page) { csv.append(line(row)) }
                try destination.write(csv.take())
            }
        }
        try destination.write(format == .json ? try json.end(zone: zone) : csv.take())
        try destination.finish()
    }
}
