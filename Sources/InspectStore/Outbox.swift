import GRDB
import InspectCore

/// The transactional outbox: events are written in the same transaction as the facts they report, then sent to the
/// journal after commit and marked sent. A crash before sending leaves the row pending, so nothing is lost.
///
/// A row is *claimed* by the process that will send it (the CLI claims its own events when it writes them; the
/// daemon claims what is left over). A claim expires after `lease`, so the events of a process that died before
/// sending are picked up by the next flush.
public enum Outbox {
    /// How long a claim holds before another process may send the row.
    public static let lease: Int64 = 60

    /// Adds `event` to the outbox in the current transaction.
    /// - Parameter claimant: who will send it right after commit, or nil to leave it to the next flush.
    /// - Returns: the row id, which also identifies the journal entry (`INSPECTD_EVENT_ID`).
    @discardableResult
    public static func enqueue(_ db: Database, _ event: Event, at now: Instant, claimant: String?) throws -> Int64 {
        var record = OutboxRecord(event: event, createdAt: now, claimedBy: claimant)
        try record.insert(db)
        return record.id!
    }

    /// The rows with these ids that are still unsent.
    public static func unsent(_ db: Database, ids: [Int64]) throws -> [OutboxRecord] {
        try OutboxRecord.filter(ids.contains(OutboxRecord.Columns.id)).filter(OutboxRecord.Columns.sentAt == nil)
            .order(OutboxRecord.Columns.id).fetchAll(db)
    }

    /// Claims up to `limit` unsent rows that nobody holds (or whose claim expired), oldest first.
    public static func claimPending(
        _ db: Database, claimant: String, at now: Instant, limit: Int = 500
    ) throws
        -> [OutboxRecord]
    {
        let expired = now.seconds - lease
        try db.execute(
            sql: """
                UPDATE outbox SET claimed_by = ?, claimed_at = ?
                WHERE id IN (
                    SELECT id FROM outbox
                    WHERE sent_at IS NULL AND (claimed_at IS NULL OR claimed_at <= ? OR claimed_by = ?)
                    ORDER BY id LIMIT ?)
                """,
            arguments: [claimant, now.seconds, expired, claimant, limit])
        return try OutboxRecord.filter(OutboxRecord.Columns.sentAt == nil)
            .filter(OutboxRecord.Columns.claimedBy == claimant).order(OutboxRecord.Columns.id).fetchAll(db)
    }

    /// Records that these rows reached the journal.
    public static func markSent(_ db: Database, ids: [Int64], at now: Instant) throws {
        guard !ids.isEmpty else { return }
        try OutboxRecord.filter(ids.contains(OutboxRecord.Columns.id))
            .updateAll(db, OutboxRecord.Columns.sentAt.set(to: now.seconds))
    }

    /// How many events wait to be sent.
    public static func pendingCount(_ db: Database) throws -> Int {
        try OutboxRecord.filter(OutboxRecord.Columns.sentAt == nil).fetchCount(db)
    }
}
