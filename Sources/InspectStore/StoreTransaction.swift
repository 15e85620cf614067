import GRDB

/// One transaction on the record, as the store's callers hold it. The service reads and writes only through the
/// store's functions, which take this handle, so it never names the SQLite layer's types: another store (a central
/// PostgreSQL record, say) can stand behind the same functions without the use cases changing.
public struct StoreTransaction {
    /// The connection, inside its transaction: for the store's functions, and for tests and tools that read or
    /// write the rows beneath them.
    package let db: Database

    package init(_ db: Database) {
        self.db = db
    }
}

extension InspectDatabase {
    /// Reads in one consistent snapshot, through the store's handle (see ``read(_:)``).
    public func readTransaction<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try read { db in try body(StoreTransaction(db)) }
    }

    /// Writes in one immediate transaction, through the store's handle (see ``write(_:)``).
    public func writeTransaction<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try write { db in try body(StoreTransaction(db)) }
    }

    /// Writes without flushing on commit, through the store's handle (see ``writeUnflushed(_:)``).
    public func writeTransactionUnflushed<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try writeUnflushed { db in try body(StoreTransaction(db)) }
    }
}

/// A record's own row, written in the caller's transaction.
extension MutablePersistableRecord {
    /// Inserts the row; a record with an automatic id takes the one it was given.
    package mutating func insert(_ transaction: StoreTransaction) throws {
        try insert(transaction.db)
    }

    /// Updates the row with this record's primary key.
    package func update(_ transaction: StoreTransaction) throws {
        try update(transaction.db)
    }

    /// Inserts the row, or updates it when one with this primary key exists.
    package mutating func save(_ transaction: StoreTransaction) throws {
        try save(transaction.db)
    }
}
