import GRDB
import InspectCore
import InspectStore

/// What `inspectctl status` shows about the record; whether the daemon runs is the CLI's to find out.
public struct StatusReport: Codable, Sendable, Hashable {
    /// The record's random name, which its journal entries carry as `INSPECTD_RECORD`: `follow` shows only those.
    public var record: String
    /// The next planned inspection (surprises are never shown before they are due).
    public var nextPlanned: Inspection?
    public var due: Int
    public var open: Int
    /// Events not yet confirmed in the journal.
    public var pendingEvents: Int
    /// The latest events, newest first.
    public var recentEvents: [RecentEvent]

    public struct RecentEvent: Codable, Sendable, Hashable {
        public var at: Instant
        public var kind: String
        public var priority: String
        public var message: String
        public var sent: Bool
    }
}

extension InspectService {
    /// The state of the schedule and the latest events, from the outbox (readable without journal access).
    public func status(recent: Int = 5) throws -> StatusReport {
        let record = try database.recordIdentity()
        return try query { db in
            let next = try Row.fetchOne(
                db,
                sql: RegistryRows.inspectionSelect
                    + " WHERE i.status = 'scheduled' AND i.kind = 'planned' ORDER BY i.due_at LIMIT 1")
            let events = try OutboxRecord.order(OutboxRecord.Columns.id.desc).limit(recent).fetchAll(db).map { row in
                StatusReport.RecentEvent(
                    at: row.createdAt, kind: row.kind, priority: Priority(rawValue: row.priority)?.name ?? "",
                    message: row.message, sent: row.sentAt != nil)
            }
            return StatusReport(
                record: record, nextPlanned: next.map(RegistryRows.inspection),
                due: try Int.fetchOne(db, sql: "SELECT count(*) FROM inspection WHERE status = 'due'") ?? 0,
                open: try Int.fetchOne(db, sql: "SELECT count(*) FROM inspection WHERE status = 'open'") ?? 0,
                pendingEvents: try Outbox.pendingCount(db), recentEvents: events)
        }
    }
}
