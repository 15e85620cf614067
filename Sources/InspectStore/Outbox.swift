import Foundation
import GRDB
import Glibc
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
    ///
    /// The ledger entries written before it in the transaction are sealed naming this event, and the event carries
    /// the ledger's head (`LEDGER_SEQ`, `LEDGER_MAC`) to the journal, which thus witnesses the ledger as it was.
    @discardableResult
    public static func enqueue(
        _ transaction: StoreTransaction, _ event: Event, at now: Instant, claimant: String?
    ) throws -> Int64 {
        let id = try OutboxRecord(event: event, createdAt: now, claimedBy: claimant).insertRow(transaction.db)
        try Ledger.seal(transaction, event: id)
        let head = try Ledger.head(transaction)
        if let seq = head.seq {
            var fields = event.fields
            fields["LEDGER_SEQ"] = String(seq)
            fields["LEDGER_MAC"] = head.mac
            try transaction.db.execute(
                sql: "UPDATE outbox SET fields = ? WHERE id = ?", arguments: [OutboxRecord.encode(fields), id])
        }
        return id
    }

    /// The rows with these ids that are still unsent.
    public static func unsent(_ transaction: StoreTransaction, ids: [Int64]) throws -> [OutboxRecord] {
        try OutboxRecord.fetchAll(
            transaction.db,
            sql: "SELECT * FROM outbox WHERE id IN (SELECT value FROM json_each(?)) AND sent_at IS NULL ORDER BY id",
            arguments: [idList(ids)])
    }

    /// A row taken by ``claimPending(_:claimant:at:isStopped:limit:)``.
    public struct Claim: Sendable, Equatable {
        public var record: OutboxRecord
        /// The row had been claimed before, by a process that stopped or whose lease ran out (or by this claimant in
        /// an earlier round): that process may have sent it to the journal and died before marking it, so the journal
        /// must be asked before sending it again.
        public var mayHaveBeenSent: Bool
    }

    /// Claims up to `limit` unsent rows, oldest first: rows nobody holds, rows whose claim expired, rows already held
    /// by `claimant`, and rows held by a claimant that `isStopped` says has stopped (so the events of a CLI killed
    /// between commit and send need not wait out the lease).
    public static func claimPending(
        _ transaction: StoreTransaction, claimant: String, at now: Instant,
        isStopped: (String) -> Bool = { _ in false },
        limit: Int = 500
    ) throws -> [Claim] {
        let expired = now.seconds - lease
        let holders = try String.fetchAll(
            transaction.db,
            sql: """
                SELECT DISTINCT claimed_by FROM outbox
                WHERE sent_at IS NULL AND claimed_at > ? AND claimed_by IS NOT NULL AND claimed_by <> ?
                """,
            arguments: [expired, claimant])
        let stopped = holders.filter(isStopped)
        let stoppedList = String(decoding: try JSONEncoder().encode(stopped), as: UTF8.self)
        let rows = try OutboxRecord.fetchAll(
            transaction.db,
            sql: """
                SELECT * FROM outbox
                WHERE sent_at IS NULL
                    AND (claimed_at IS NULL OR claimed_at <= ? OR claimed_by = ?
                        OR claimed_by IN (SELECT value FROM json_each(?)))
                ORDER BY id LIMIT ?
                """,
            arguments: [expired, claimant, stoppedList, limit])
        guard !rows.isEmpty else { return [] }
        let ids = rows.compactMap(\.id)
        try OutboxRecord.filter(ids.contains(OutboxRecord.Columns.id)).updateAll(
            transaction.db, OutboxRecord.Columns.claimedBy.set(to: claimant),
            OutboxRecord.Columns.claimedAt.set(to: now.seconds))
        return rows.map { row in
            var claimed = row
            claimed.claimedBy = claimant
            claimed.claimedAt = now
            return Claim(record: claimed, mayHaveBeenSent: row.claimedAt != nil)
        }
    }

    /// Whether the process named in a claimant (`program:pid`) has stopped. A process this one may not signal (another
    /// user's) counts as running: its claim then holds until the lease expires.
    public static func claimantHasStopped(_ claimant: String) -> Bool {
        guard let pidText = claimant.split(separator: ":").last, let pid = pid_t(pidText), pid > 0 else {
            return false
        }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Records that these rows reached the journal.
    public static func markSent(_ transaction: StoreTransaction, ids: [Int64], at now: Instant) throws {
        guard !ids.isEmpty else { return }
        try transaction.db.execute(
            sql: "UPDATE outbox SET sent_at = ? WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [now.seconds, idList(ids)])
    }

    /// `ids` as a JSON array, for `json_each`: one parameter however many ids a command sent. These two statements
    /// run after every command that writes, so they are SQL rather than the query interface (README, Speed).
    private static func idList(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    /// The newest events kept in the outbox after delivery, whatever their age, for `inspectctl status` to show.
    public static let keptForStatus = 100

    /// Deletes the rows delivered before `cutoff`, but for the newest ``keptForStatus``: the journal holds them, and
    /// an outbox that only grew would grow the record with every event (fail2ban's purge that never ran).
    public static func prune(_ transaction: StoreTransaction, sentBefore cutoff: Instant) throws {
        try transaction.db.execute(
            sql: """
                DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?
                    AND id < (SELECT coalesce(min(id), 0) FROM (SELECT id FROM outbox ORDER BY id DESC LIMIT ?))
                """,
            arguments: [cutoff.seconds, keptForStatus])
    }

    /// How many events wait to be sent.
    public static func pendingCount(_ transaction: StoreTransaction) throws -> Int {
        try OutboxRecord.filter(OutboxRecord.Columns.sentAt == nil).fetchCount(transaction.db)
    }

    /// The latest `limit` events of these kinds, newest first.
    package static func latest(_ transaction: StoreTransaction, kinds: [String], limit: Int) throws -> [OutboxRecord] {
        try OutboxRecord.filter(kinds.contains(OutboxRecord.Columns.kind)).order(OutboxRecord.Columns.id.desc)
            .limit(limit).fetchAll(transaction.db)
    }
}
