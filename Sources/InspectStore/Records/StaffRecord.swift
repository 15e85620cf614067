import GRDB
import InspectCore

/// A row of `staff`: a person and the office they work in now.
public struct StaffRecord: Sendable, Hashable {
    public var id: Int64?
    public var badge: String
    public var name: String
    public var officeId: Int64
    public var title: String?
    public var category: StaffCategory
    public var active: Bool
    public var createdAt: Instant
    public var retiredAt: Instant?
    /// The Unix user name of the person, when they have one: it lets them read their own record.
    public var login: String?

    public init(
        id: Int64? = nil, badge: String, name: String, officeId: Int64, title: String?, category: StaffCategory,
        active: Bool = true, createdAt: Instant, retiredAt: Instant? = nil, login: String? = nil
    ) {
        self.id = id
        self.badge = badge
        self.name = name
        self.officeId = officeId
        self.title = title
        self.category = category
        self.active = active
        self.createdAt = createdAt
        self.retiredAt = retiredAt
        self.login = login
    }
}

extension StaffRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "staff"

    /// Decodes a row of `SELECT *` by position, in the table's column order (see `FindingRecord.init(row:)`).
    public init(row: Row) throws {
        id = try row.decode(atIndex: 0)
        badge = try row.decode(atIndex: 1)
        name = try row.decode(atIndex: 2)
        officeId = try row.decode(atIndex: 3)
        title = try row.decode(atIndex: 4)
        category = try row.decode(atIndex: 5)
        active = try row.decode(atIndex: 6)
        createdAt = try row.decode(atIndex: 7)
        retiredAt = try row.decode(atIndex: 8)
        login = try row.decode(atIndex: 9)
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["badge"] = badge
        container["name"] = name
        container["office_id"] = officeId
        container["title"] = title
        container["category"] = category
        container["active"] = active
        container["created_at"] = createdAt
        container["retired_at"] = retiredAt
        container["login"] = login
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let badge = Column("badge")
        public static let officeId = Column("office_id")
        public static let active = Column("active")
        public static let login = Column("login")
    }

    /// The person with this badge, if any. Written in SQL, as the lookups `finding log` makes are: the query
    /// interface builds its statement through generic code whose first use costs a one-shot command more than the
    /// query itself (README, Speed).
    public static func find(_ transaction: StoreTransaction, badge: String) throws -> StaffRecord? {
        try fetchOne(transaction.db, sql: "SELECT * FROM staff WHERE badge = ?", arguments: [badge])
    }

    /// The person whose Unix login is `login`, if any.
    public static func find(_ transaction: StoreTransaction, login: String) throws -> StaffRecord? {
        try fetchOne(transaction.db, sql: "SELECT * FROM staff WHERE login = ?", arguments: [login])
    }

    /// - Throws: `InspectError.notFound` naming the badge.
    public static func require(_ transaction: StoreTransaction, badge: String) throws -> StaffRecord {
        guard let staff = try find(transaction, badge: badge) else {
            throw InspectError.notFound(kind: "staff badge", key: badge)
        }
        return staff
    }
}

/// A row of `staff_assignment`: one period a person spent in one office.
public struct StaffAssignmentRecord: Codable, Sendable, Hashable {
    public var id: Int64?
    public var staffId: Int64
    public var officeId: Int64
    public var startedAt: Instant
    public var endedAt: Instant?
    public var recordedBy: String

    public init(
        id: Int64? = nil, staffId: Int64, officeId: Int64, startedAt: Instant, endedAt: Instant? = nil,
        recordedBy: String
    ) {
        self.id = id
        self.staffId = staffId
        self.officeId = officeId
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.recordedBy = recordedBy
    }
}

extension StaffAssignmentRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "staff_assignment"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let staffId = Column("staff_id")
        public static let endedAt = Column("ended_at")
        public static let startedAt = Column("started_at")
    }
}
