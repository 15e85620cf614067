import NIOCore
import PostgresNIO

/// One column of a batch as a PostgreSQL `text[]`, NULL cells included: the uplink sends a table's rows as one
/// array per column, which a single `unnest` turns back into rows. postgres-nio's own arrays hold no NULL element.
struct CentralTextArray: PostgresNonThrowingEncodable, PostgresDynamicTypeEncodable {
    var cells: [String?]

    static var psqlType: PostgresDataType { .textArray }
    static var psqlFormat: PostgresFormat { .binary }

    /// PostgreSQL's binary array: dimensions, whether any cell is NULL, the element type, the one dimension's length
    /// and lower bound, then each cell's length (-1 for NULL) and bytes.
    func encode<JSONEncoder: PostgresJSONEncoder>(
        into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        buffer.writeInteger(cells.isEmpty ? 0 : 1, as: Int32.self)
        buffer.writeInteger(cells.contains(nil) ? 1 : 0, as: Int32.self)
        buffer.writeInteger(PostgresDataType.text.rawValue)
        guard !cells.isEmpty else { return }
        buffer.writeInteger(Int32(cells.count))
        buffer.writeInteger(1, as: Int32.self)
        for cell in cells {
            guard let cell else {
                buffer.writeInteger(-1, as: Int32.self)
                continue
            }
            buffer.writeInteger(Int32(cell.utf8.count))
            buffer.writeString(cell)
        }
    }
}
