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
    /// For a cancelled planned inspection: inspectd cancelled it because its plan no longer calls for it, so the
    /// occurrence may be scheduled again if the plan calls for it again. An administrator's cancellation is not stale:
    /// that occurrence stays cancelled.
    public var stale = false

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

    /// Gives a new inspection its id: from the secret range while it is a scheduled surprise, else the next ordinary
    /// one (see ``InspectionIDs``).
    public mutating func willInsert(_ db: Database) throws {
        guard id == nil else { return }
        let transaction = StoreTransaction(db)
        id =
            kind == .surprise && status == .scheduled
            ? try InspectionIDs.nextSecret(transaction) : try InspectionIDs.nextOrdinary(transaction)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Records a new status. A surprise leaving `scheduled` (due, missed or cancelled) is no secret any more: it
    /// takes the next ordinary id, which it keeps from then on.
    public mutating func update(_ transaction: StoreTransaction, status newStatus: InspectionStatus) throws {
        status = newStatus
        try update(transaction.db)
        guard let old = id, InspectionIDs.isSecret(old), newStatus != .scheduled else { return }
        let new = try InspectionIDs.nextOrdinary(transaction)
        try transaction.db.execute(sql: "UPDATE inspection SET id = ? WHERE id = ?", arguments: [new, old])
        id = new
    }

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
    public static func require(_ transaction: StoreTransaction, id: Int64) throws -> InspectionRecord {
        guard let inspection = try fetchOne(transaction.db, key: id) else {
            throw InspectError.notFound(kind: "inspection", key: String(id))
        }
        return inspection
    }
}

/// The ids of inspections, which everyone sees, must say nothing about the surprise inspections nobody may see yet.
///
/// Ordinary ids count up from 1 in the order inspections become known to all: planned and ad-hoc ones when they are
/// created, follow-ups when they are scheduled (that one is coming, and within which working days, is public; only
/// its instant is secret), surprises when they fall due. A surprise drawn ahead of time waits with an id from a
/// separate range, seen only by administrators; nothing refers to it while it waits, so it can be renumbered when
/// it falls due. Readers thus see no gap where a secret row is, and no order of the draw.
public enum InspectionIDs {
    /// The first id of the secret range; ordinary ids stay below it.
    public static let secretBase: Int64 = 9_000_000_000

    public static func isSecret(_ id: Int64) -> Bool { id >= secretBase }

    static func nextOrdinary(_ transaction: StoreTransaction) throws -> Int64 {
        try Int64.fetchOne(
            transaction.db, sql: "SELECT coalesce(max(id), 0) + 1 FROM inspection WHERE id < ?", arguments: [secretBase]
        )
            ?? 1
    }

    static func nextSecret(_ transaction: StoreTransaction) throws -> Int64 {
        try Int64.fetchOne(
            transaction.db, sql: "SELECT coalesce(max(id) + 1, ?) FROM inspection WHERE id >= ?",
            arguments: [secretBase, secretBase])
            ?? secretBase
    }
}
