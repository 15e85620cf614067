import GRDB
import InspectCore

/// A row of `staff_profile_change`: one change to a person's level or title, or one qualification recorded. Rows
/// are only ever inserted (triggers refuse the rest); the latest of each aspect is the person's current value.
public struct StaffProfileChangeRecord: Codable, Sendable, Hashable {
    public var id: Int64?
    public var staffId: Int64
    public var aspect: String
    public var value: String
    public var field: String?
    public var effectiveOn: CivilDate
    public var evidence: String?
    public var reason: String?
    public var recordedBy: String
    public var recordedAt: Instant

    public init(id: Int64? = nil, staffId: Int64, change: ProfileChange) {
        self.id = id
        self.staffId = staffId
        self.aspect = change.aspect
        self.value = change.value
        self.field = change.field
        self.effectiveOn = change.date
        self.evidence = change.evidence
        self.reason = change.reason
        self.recordedBy = change.recordedBy
        self.recordedAt = change.recordedAt
    }

    /// The change as the domain knows it.
    public var change: ProfileChange {
        ProfileChange(
            aspect: aspect, value: value, field: field, date: effectiveOn, evidence: evidence, reason: reason,
            recordedBy: recordedBy, recordedAt: recordedAt)
    }
}

extension StaffProfileChangeRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "staff_profile_change"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let staffId = Column("staff_id")
        public static let aspect = Column("aspect")
        public static let id = Column("id")
    }
}
