import GRDB

extension EncodableRecord where Self: TableRecord {
    /// Inserts the record as a new row of its table, naming the columns its `encode(to:)` writes, and returns the
    /// row id SQLite gave it.
    ///
    /// GRDB's `insert` first reads the table's schema for its primary key. A one-shot command pays that reading, and
    /// the generic code around it running for the first time, to insert one row: about a twentieth of `inspectctl
    /// finding log` in direct mode (README, Speed). This statement names every column it sets, so it needs no
    /// schema; SQLite's constraints and triggers apply as to any insert, and an error is the same `DatabaseError`.
    func insertRow(_ db: Database) throws -> Int64 {
        let values = try databaseDictionary.sorted { $0.key < $1.key }
        let columns = values.map(\.key.quotedDatabaseIdentifier).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        try db.execute(
            sql: "INSERT INTO \(Self.databaseTableName.quotedDatabaseIdentifier) (\(columns)) VALUES (\(placeholders))",
            arguments: StatementArguments(values.map(\.value)))
        return db.lastInsertedRowID
    }
}
