import GRDB
import InspectCore

/// A row of `office`.
public struct OfficeRecord: Codable, Sendable, Hashable {
    public var id: Int64?
    public var code: String
    public var name: String
    public var parentId: Int64?
    public var kind: OfficeKind
    public var hoursProfile: String
    public var active: Bool
    public var createdAt: Instant
    public var retiredAt: Instant?

    public init(
        id: Int64? = nil, code: String, name: String, parentId: Int64?, kind: OfficeKind, hoursProfile: String,
        active: Bool = true, createdAt: Instant, retiredAt: Instant? = nil
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.parentId = parentId
        self.kind = kind
        self.hoursProfile = hoursProfile
        self.active = active
        self.createdAt = createdAt
        self.retiredAt = retiredAt
    }
}

extension OfficeRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "office"

    /// Decodes a row of `SELECT *` by position, in the table's column order (see `FindingRecord.init(row:)`).
    public init(row: Row) throws {
        id = try row.decode(atIndex: 0)
        code = try row.decode(atIndex: 1)
        name = try row.decode(atIndex: 2)
        parentId = try row.decode(atIndex: 3)
        kind = try row.decode(atIndex: 4)
        hoursProfile = try row.decode(atIndex: 5)
        active = try row.decode(atIndex: 6)
        createdAt = try row.decode(atIndex: 7)
        retiredAt = try row.decode(atIndex: 8)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let code = Column("code")
        public static let parentId = Column("parent_id")
        public static let kind = Column("kind")
        public static let active = Column("active")
    }

    /// The office with this code, or nil (in SQL, as `StaffRecord.find(_:badge:)` says why).
    public static func find(_ transaction: StoreTransaction, code: String) throws -> OfficeRecord? {
        try fetchOne(transaction.db, sql: "SELECT * FROM office WHERE code = ?", arguments: [code])
    }

    /// The office with this code.
    /// - Throws: `InspectError.notFound` naming the code.
    public static func require(_ transaction: StoreTransaction, code: String) throws -> OfficeRecord {
        guard let office = try find(transaction, code: code) else {
            throw InspectError.notFound(kind: "office", key: code)
        }
        return office
    }
}
