import GRDB
import InspectCore

/// A row of `finding`. Rows are only ever inserted (triggers refuse updates and deletes).
public struct FindingRecord: Codable, Sendable, Hashable {
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

extension FindingRecord: FetchableRecord, PersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "finding"

    public enum Columns {
        public static let id = Column("id")
        public static let inspectionId = Column("inspection_id")
        public static let correctsId = Column("corrects_id")
    }
}
