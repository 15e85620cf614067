import Foundation
import GRDB
import InspectCore

/// A row of `outbox`: an event committed with its fact and not yet confirmed sent to the journal.
public struct OutboxRecord: Sendable, Hashable {
    public var id: Int64?
    public var kind: String
    public var priority: Int
    public var message: String
    /// The event's fields as a JSON object of strings.
    public var fields: String
    public var createdAt: Instant
    public var claimedBy: String?
    public var claimedAt: Instant?
    public var sentAt: Instant?

    public init(event: Event, createdAt: Instant, claimedBy: String?) {
        kind = event.kind.rawValue
        priority = event.priority.rawValue
        message = event.message
        fields = OutboxRecord.encode(event.fields)
        self.createdAt = createdAt
        self.claimedBy = claimedBy
        claimedAt = claimedBy == nil ? nil : createdAt
    }

    /// The event this row carries, or nil if the row was written by a newer inspectd with an unknown kind.
    public var event: Event? {
        guard let kind = EventKind(rawValue: kind) else { return nil }
        let object =
            FieldsJSON.decode(fields) ?? (try? JSONDecoder().decode([String: String].self, from: Data(fields.utf8)))
            ?? [:]
        return Event(kind: kind, priority: Priority(rawValue: priority), message: message, fields: object)
    }

    static func encode(_ fields: [String: String]) -> String { FieldsJSON.encode(fields) }
}

extension OutboxRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outbox"

    /// Decodes a row of `SELECT *` by position, in the table's column order (see `FindingRecord.init(row:)`).
    public init(row: Row) throws {
        id = try row.decode(atIndex: 0)
        kind = try row.decode(atIndex: 1)
        priority = try row.decode(atIndex: 2)
        message = try row.decode(atIndex: 3)
        fields = try row.decode(atIndex: 4)
        createdAt = try row.decode(atIndex: 5)
        claimedBy = try row.decode(atIndex: 6)
        claimedAt = try row.decode(atIndex: 7)
        sentAt = try row.decode(atIndex: 8)
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["kind"] = kind
        container["priority"] = priority
        container["message"] = message
        container["fields"] = fields
        container["created_at"] = createdAt
        container["claimed_by"] = claimedBy
        container["claimed_at"] = claimedAt
        container["sent_at"] = sentAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public enum Columns {
        public static let id = Column("id")
        public static let kind = Column("kind")
        public static let sentAt = Column("sent_at")
        public static let claimedBy = Column("claimed_by")
        public static let claimedAt = Column("claimed_at")
    }
}
