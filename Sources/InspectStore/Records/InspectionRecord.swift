import GRDB
import InspectCore

/// A row of `inspection`.
public struct InspectionRecord: Codable, Sendable, Hashable {
    public var id: Int64?
    public var officeId: Int64
    public var kind: InspectionKind
    public var status: InspectionStatus
    public var plan: String?
    public var dueAt: Instant?
    public var windowEnd: Instant?
    public var team: String?
    public var openedAt: Instant?
    public var openedBy: String?
    public var closedAt: Instant?
    public var closedBy: String?
    public var checked: Int?
    public var cancelReason: String?
    public var createdAt: Instant
    public var createdBy: String
    /// The surprise draw that produced it.
    public var drawId: Int64?
    /// For a follow-up: the inspection it returns to check on.
    public var followsId: Int64?

    public init(
        id: Int64? = nil, officeId: Int64, kind: InspectionKind, status: InspectionStatus, plan: String? = nil,
        dueAt: Instant? = nil, windowEnd: Instant? = nil, team: String? = nil, openedAt: Instant? = nil,
        openedBy: String? = nil, createdAt: Instant, createdBy: String, drawId: Int64? = nil, followsId: Int64? = nil
    ) {
        self.id = id
        self.officeId = officeId
        self.kind = kind
        self.status = status
        self.plan = plan
        self.dueAt = dueAt
        self.windowEnd = windowEnd
        self.team = team
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.drawId = drawId
        self.followsId = followsId
    }
}

extension InspectionRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "inspection"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let id = Column("id")
        public static let officeId = Column("office_id")
        public static let status = Column("status")
        public static let kind = Column("kind")
        public static let dueAt = Column("due_at")
        public static let plan = Column("plan")
        public static let drawId = Column("draw_id")
        public static let followsId = Column("follows_id")
    }

    /// - Throws: `InspectError.notFound` naming the id.
    public static func require(_ db: Database, id: Int64) throws -> InspectionRecord {
        guard let inspection = try fetchOne(db, key: id) else {
            throw InspectError.notFound(kind: "inspection", key: String(id))
        }
        return inspection
    }
}
