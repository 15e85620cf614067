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
    /// The most recent events `status` shows.
    public static let recentEventLimit = 100

    /// The state of the schedule and the latest events `caller` may read, from the outbox (readable without journal
    /// access): a reader sees the service's life and the public schedule, not what was found about people.
    /// - Throws: `.invalidInput` when `recent` is outside 0...``recentEventLimit``.
    public func status(recent: Int = 5, as caller: Caller) throws -> StatusReport {
        guard (0...Self.recentEventLimit).contains(recent) else {
            throw InspectError.invalidInput("--events must be from 0 to \(Self.recentEventLimit), not \(recent)")
        }
        let kinds = EventKind.allCases.filter { $0.audience <= caller.role.eventAudience }.map(\.rawValue)
        let record = try database.recordIdentity()
        return try query { db in
            let next = try InspectionRecord.nextPlanned(db)
            let events = try Outbox.latest(db, kinds: kinds, limit: recent).map { row in
                StatusReport.RecentEvent(
                    at: row.createdAt, kind: row.kind, priority: Priority(rawValue: row.priority)?.name ?? "",
                    message: row.message, sent: row.sentAt != nil)
            }
            return StatusReport(
                record: record, nextPlanned: next,
                due: try InspectionRecord.count(db, status: .due),
                open: try InspectionRecord.count(db, status: .open),
                pendingEvents: try Outbox.pendingCount(db), recentEvents: events)
        }
    }
}

extension Role {
    /// The events this role may read outside the journal.
    var eventAudience: EventAudience {
        switch self {
        case .reader: .everyone
        case .inspector: .inspectors
        case .admin: .administrators
        }
    }
}
