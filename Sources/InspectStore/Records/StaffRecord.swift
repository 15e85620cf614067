import GRDB
import InspectCore

/// A row of `staff`: a person and the office they work in now.
public struct StaffRecord: Codable, Sendable, Hashable {
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

extension StaffRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "staff"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let badge = Column("badge")
        public static let officeId = Column("office_id")
        public static let active = Column("active")
        public static let login = Column("login")
    }

    public static func find(_ transaction: StoreTransaction, badge: String) throws -> StaffRecord? {
        try filter(Columns.badge == badge).fetchOne(transaction.db)
    }

    /// The person whose Unix login is `login`, if any.
    public static func find(_ transaction: StoreTransaction, login: String) throws -> StaffRecord? {
        try filter(Columns.login == login).fetchOne(transaction.db)
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
