import GRDB
import InspectCore

/// A row of `corrective_action`.
public struct CorrectiveActionRecord: Codable, Sendable, Hashable {
    public var id: Int64?
    public var findingId: Int64
    public var requirement: String
    public var dueDate: CivilDate
    public var dueAt: Instant
    public var status: ActionStatus
    public var requiredBy: String
    public var requiredAt: Instant
    public var doneBy: String?
    public var doneAt: Instant?
    public var doneNote: String?
    public var verifiedBy: String?
    public var verifiedAt: Instant?
    public var verifiedNote: String?
    public var overdueAt: Instant?

    public init(
        findingId: Int64, requirement: String, dueDate: CivilDate, dueAt: Instant, requiredBy: String,
        requiredAt: Instant
    ) {
        self.findingId = findingId
        self.requirement = requirement
        self.dueDate = dueDate
        self.dueAt = dueAt
        status = .open
        self.requiredBy = requiredBy
        self.requiredAt = requiredAt
    }

    public var action: CorrectiveAction {
        CorrectiveAction(
            id: id ?? 0, finding: findingId, requirement: requirement, dueDate: dueDate, dueAt: dueAt, status: status,
            requiredBy: requiredBy, requiredAt: requiredAt, doneBy: doneBy, doneAt: doneAt, doneNote: doneNote,
            verifiedBy: verifiedBy, verifiedAt: verifiedAt, verifiedNote: verifiedNote, overdueAt: overdueAt)
    }
}

extension CorrectiveActionRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "corrective_action"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let findingId = Column("finding_id")
    }

    /// - Throws: `InspectError.notFound` naming the id.
    public static func require(_ transaction: StoreTransaction, id: Int64) throws -> CorrectiveActionRecord {
        guard let record = try fetchOne(transaction.db, key: id) else {
            throw InspectError.notFound(kind: "corrective action", key: String(id))
        }
        return record
    }
}
