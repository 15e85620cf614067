import InspectCore
import PostgresNIO

/// One of the center's fact tables as the uplink fills it: its columns with their types, and what a row that is
/// already there means. Facts read from ledger entries may arrive again (a later entry carries the whole row), so
/// those tables skip a row they hold; a finding never arrives twice, and the center's check decides where it goes.
struct CentralFactTable: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case int, text, time, date

        /// How a bound parameter becomes the column's type: instants travel as Unix seconds.
        func cast(_ parameter: String) -> String {
            switch self {
            case .int: "\(parameter)::bigint"
            case .text: "\(parameter)::text"
            case .time: "to_timestamp(\(parameter)::bigint)"
            case .date: "\(parameter)::date"
            }
        }
    }

    let name: String
    let columns: [String]
    let kinds: [Kind]
    let skipsExisting: Bool

    /// - Parameter spec: `column:kind` pairs separated by spaces, e.g. `"row_id:int code:text created_at:time"`.
    init(_ name: String, _ spec: String, skipsExisting: Bool = true) {
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
    }

    /// PostgreSQL takes at most 65,535 parameters in one statement.
    var rowsPerStatement: Int { 60_000 / columns.count }

    /// One INSERT of `rows`, each with a value per column.
    func insert(_ rows: ArraySlice<[UplinkValue]>) throws -> PostgresQuery {
        var binds = PostgresBindings(capacity: rows.count * columns.count)
        var tuples: [String] = []
        tuples.reserveCapacity(rows.count)
        var parameter = 0
        for row in rows {
            var cells: [String] = []
            for (value, kind) in zip(row, kinds) {
                parameter += 1
                cells.append(kind.cast("$\(parameter)"))
                switch value {
                case .int(let number): binds.append(number)
                case .text(let text): binds.append(text)
                case .null: binds.appendNull()
                }
            }
            tuples.append("(" + cells.joined(separator: ", ") + ")")
        }
        let sql =
            "INSERT INTO center.\(name) (\(columns.joined(separator: ", "))) VALUES "
            + tuples.joined(separator: ", ") + (skipsExisting ? " ON CONFLICT DO NOTHING" : "")
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
