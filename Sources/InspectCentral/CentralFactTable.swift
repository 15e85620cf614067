import InspectCore
import PostgresNIO

/// One of the center's fact tables as the uplink fills it: its columns with their types, and what a row that is
/// already there means. Facts read from ledger entries may arrive again (a later entry carries the whole row), so
/// those tables skip a row they hold; a finding never arrives twice, and the center's check decides where it goes.
struct CentralFactTable: Sendable {
    enum Kind: Sendable {
        case int, text, time, date

        /// How a cell, sent as text, becomes the column's type: instants travel as Unix seconds.
        func cast(_ cell: String) -> String {
            switch self {
            case .int: "\(cell)::bigint"
            case .text: cell
            case .time: "to_timestamp(\(cell)::bigint)"
            case .date: "\(cell)::date"
            }
        }
    }

    let name: String
    let columns: [String]
    let kinds: [Kind]
    let skipsExisting: Bool
    /// The center's function that adds rows to a table its sites may not insert into themselves, taking a text
    /// array per column in their order; nil where a site inserts.
    let addedBy: String?

    /// - Parameter spec: `column:kind` pairs separated by spaces, e.g. `"row_id:int code:text created_at:time"`.
    init(_ name: String, _ spec: String, skipsExisting: Bool = true, addedBy: String? = nil) {
        let pairs = spec.split(separator: " ").map { $0.split(separator: ":") }
        self.name = name
        columns = pairs.map { String($0[0]) }
        kinds = pairs.map { pair in
            switch pair[1] {
            case "int": .int
            case "time": .time
            case "date": .date
            default: .text
            }
        }
        self.skipsExisting = skipsExisting
        self.addedBy = addedBy
    }

    /// One statement adding `rows`, each with a value per column, in their order. Each column travels as one array
    /// and `unnest` turns the arrays back into rows: a statement has a parameter per column however many rows it
    /// holds, where a row per parameter list made PostgreSQL parse and plan tens of thousands of parameters.
    func insert(_ rows: [[UplinkValue]]) -> PostgresQuery {
        var binds = PostgresBindings(capacity: columns.count)
        for column in columns.indices {
            binds.append(CentralTextArray(rows: rows, column: column))
        }
        let arrays = columns.indices.map { "$\($0 + 1)::text[]" }.joined(separator: ", ")
        if let addedBy {
            return PostgresQuery(unsafeSQL: "SELECT center.\(addedBy)(\(arrays))", binds: binds)
        }
        let cells = columns.indices.map { "c\($0)" }
        let values = zip(cells, kinds).map { cell, kind in kind.cast("r.\(cell)") }
        let sql =
            "INSERT INTO center.\(name) (\(columns.joined(separator: ", "))) SELECT \(values.joined(separator: ", ")) "
            + "FROM unnest(\(arrays)) WITH ORDINALITY AS r(\(cells.joined(separator: ", ")), place) ORDER BY r.place"
            + (skipsExisting ? " ON CONFLICT DO NOTHING" : "")
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
