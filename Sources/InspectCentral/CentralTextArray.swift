import InspectCore
import NIOCore
import PostgresNIO

/// One column of a batch as a PostgreSQL `text[]`, NULL cells included: the uplink sends a table's rows as one
/// array per column, which a single `unnest` turns back into rows. postgres-nio's own arrays hold no NULL element.
/// The column is read from the batch's rows as it is written, so no array of its cells is made first.
struct CentralTextArray: PostgresNonThrowingEncodable, PostgresDynamicTypeEncodable {
    var rows: [[UplinkValue]]
    var column: Int

    static var psqlType: PostgresDataType { .textArray }
    static var psqlFormat: PostgresFormat { .binary }

    /// PostgreSQL's binary array: dimensions, whether any cell is NULL, the element type, the one dimension's length
    /// and lower bound, then each cell's length (-1 for NULL) and bytes. Instants and numbers are written in decimal.
    func encode<JSONEncoder: PostgresJSONEncoder>(
        into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        let hasNull = rows.contains { $0[column] == .null }
        buffer.writeInteger(rows.isEmpty ? 0 : 1, as: Int32.self)
        buffer.writeInteger(hasNull ? 1 : 0, as: Int32.self)
        buffer.writeInteger(PostgresDataType.text.rawValue)
        guard !rows.isEmpty else { return }
        buffer.writeInteger(Int32(rows.count))
        buffer.writeInteger(1, as: Int32.self)
        for row in rows {
            switch row[column] {
            case .null:
                buffer.writeInteger(-1, as: Int32.self)
            case .text(let text):
                buffer.writeInteger(Int32(text.utf8.count))
                buffer.writeString(text)
            case .int(let number):
                let text = String(number)
                buffer.writeInteger(Int32(text.utf8.count))
                buffer.writeString(text)
            }
        }
    }
}
