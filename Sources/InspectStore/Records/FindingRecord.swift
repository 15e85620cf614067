import GRDB
import InspectCore

/// A row of `finding`. Rows are only ever inserted (triggers refuse updates and deletes).
public struct FindingRecord: Sendable, Hashable {
    public var id: Int64
    public var inspectionId: Int64
    public var violation: String
    public var staffBadge: String?
    public var observedAt: Instant
    public var clockTime: TimeOfDay?
    public var minutes: Int?
    public var note: String?
    public var recordedBy: String
    public var recordedAt: Instant
    public var action: FindingAction
    public var correctsId: Int64?
    public var reason: String?
    public var correctedAt: Instant?
    public var prevHash: String
    public var hash: String

    public init(_ finding: Finding) {
        id = finding.id
        inspectionId = finding.inspection
        violation = finding.violation
        staffBadge = finding.staff
        observedAt = finding.observedAt
        clockTime = finding.clockTime
        minutes = finding.minutes
        note = finding.note
        recordedBy = finding.recordedBy
        recordedAt = finding.recordedAt
        action = finding.action
        correctsId = finding.corrects
        reason = finding.reason
        correctedAt = finding.correctedAt
        prevHash = finding.prevHash
        hash = finding.hash
    }

    public var finding: Finding {
        Finding(
            id: id, inspection: inspectionId, violation: violation, staff: staffBadge, observedAt: observedAt,
            clockTime: clockTime, minutes: minutes, note: note, recordedBy: recordedBy, recordedAt: recordedAt,
            action: action, corrects: correctsId, reason: reason, correctedAt: correctedAt, prevHash: prevHash,
            hash: hash)
    }
}

extension FindingRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "finding"

    /// How many columns the table has: a query's columns after the finding's start here.
    static let columnCount = 16

    /// Decodes the first ``columnCount`` columns of `row`, the finding's in table order (`SELECT *`, `SELECT f.*`;
    /// `corrected_at` was added last), by position. Through Codable, with each
    /// column looked up by its converted name, decoding was most of the time of a listing (see README, Speed).
    /// - Throws: when a column holds a value inspectd never writes, as `verify` reports it.
    public init(row: Row) throws {
        id = try row.decode(atIndex: 0)
        inspectionId = try row.decode(atIndex: 1)
        violation = try row.decode(atIndex: 2)
        staffBadge = try row.decode(atIndex: 3)
        observedAt = try row.decode(atIndex: 4)
        clockTime = try row.decode(atIndex: 5)
        minutes = try row.decode(atIndex: 6)
        note = try row.decode(atIndex: 7)
        recordedBy = try row.decode(atIndex: 8)
        recordedAt = try row.decode(atIndex: 9)
        action = try row.decode(atIndex: 10)
        correctsId = try row.decode(atIndex: 11)
        reason = try row.decode(atIndex: 12)
        prevHash = try row.decode(atIndex: 13)
        hash = try row.decode(atIndex: 14)
        correctedAt = try row.decode(atIndex: 15)
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["inspection_id"] = inspectionId
        container["violation"] = violation
        container["staff_badge"] = staffBadge
        container["observed_at"] = observedAt
        container["clock_time"] = clockTime
        container["minutes"] = minutes
        container["note"] = note
        container["recorded_by"] = recordedBy
        container["recorded_at"] = recordedAt
        container["action"] = action
        container["corrects_id"] = correctsId
        container["reason"] = reason
        container["prev_hash"] = prevHash
        container["hash"] = hash
        container["corrected_at"] = correctedAt
    }

    public enum Columns {
        public static let id = Column("id")
        public static let inspectionId = Column("inspection_id")
        public static let correctsId = Column("corrects_id")
    }
}
