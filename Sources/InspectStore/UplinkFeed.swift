import Foundation
import GRDB
import InspectCore

/// What the uplink reads from the record: ledger entries and findings after a cursor, the values it checks the
/// center's cursor against, and its own state (see migration `v11-uplink`).
public enum UplinkFeed {
    /// The entries after `seq`, oldest first, at most `limit`.
    public static func entries(_ transaction: StoreTransaction, after seq: Int64, limit: Int) throws -> [UplinkEntry] {
        try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT l.seq, l.table_name, l.row_key, l.snapshot, l.mac, m.findings_before, m.written_at
                FROM ledger l LEFT JOIN ledger_mark m ON m.seq = l.seq
                WHERE l.seq > ? AND l.mac IS NOT NULL ORDER BY l.seq LIMIT ?
                """, arguments: [seq, limit]
        ).map { row in
            UplinkEntry(
                seq: row[0], table: row[1], key: row[2], row: try (row[3] as String?).map(decode), mac: row[4],
                findingsBefore: row[5], writtenAt: (row[6] as Int64?).map(Instant.init(seconds:)))
        }
    }

    /// The findings after `id`, oldest first, at most `limit`.
    public static func findings(_ transaction: StoreTransaction, after id: Int64, limit: Int) throws -> [Finding] {
        // A cursor decodes each row where SQLite holds it; fetchAll copied every row, and its column names, first.
        try Array(
            Row.fetchCursor(
                transaction.db, sql: "SELECT * FROM finding WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, limit]
            ).map { try FindingRecord(row: $0).finding })
    }

    /// The MAC of entry `seq`, or nil when there is no such entry.
    public static func entryMAC(_ transaction: StoreTransaction, seq: Int64) throws -> String? {
        try String.fetchOne(transaction.db, sql: "SELECT mac FROM ledger WHERE seq = ?", arguments: [seq])
    }

    /// The hash of finding `id`, or nil when there is no such finding.
    public static func findingHash(_ transaction: StoreTransaction, id: Int64) throws -> String? {
        try String.fetchOne(transaction.db, sql: "SELECT hash FROM finding WHERE id = ?", arguments: [id])
    }

    /// The newest finding's id, 0 when there is none.
    public static func lastFindingID(_ transaction: StoreTransaction) throws -> Int64 {
        try Int64.fetchOne(transaction.db, sql: "SELECT coalesce(max(id), 0) FROM finding") ?? 0
    }

    /// How much is left to send after the cursor: entries and findings, and when the oldest of them was written.
    public static func backlog(_ transaction: StoreTransaction, after cursor: UplinkState) throws -> UplinkBacklog {
        let entries = try Row.fetchOne(
            transaction.db,
            sql: """
                SELECT count(*), min(m.written_at) FROM ledger l LEFT JOIN ledger_mark m ON m.seq = l.seq
                WHERE l.seq > ?
                """, arguments: [cursor.ledgerSeq])
        let findings = try Row.fetchOne(
            transaction.db, sql: "SELECT count(*), min(recorded_at) FROM finding WHERE id > ?",
            arguments: [cursor.findingID])
        let oldest = [entries?[1] as Int64?, findings?[1] as Int64?].compactMap { $0 }.min()
        return UplinkBacklog(
            entries: entries?[0] ?? 0, findings: findings?[0] ?? 0, oldest: oldest.map(Instant.init(seconds:)))
    }

    public static func state(_ transaction: StoreTransaction) throws -> UplinkState {
        guard let row = try Row.fetchOne(transaction.db, sql: "SELECT * FROM uplink_state") else {
            return UplinkState()
        }
        return UplinkState(
            ledgerSeq: row["ledger_seq"], findingID: row["finding_id"], factsSent: row["facts_sent"],
            lastSuccess: (row["last_success_at"] as Int64?).map(Instant.init(seconds:)), lastError: row["last_error"],
            lastErrorAt: (row["last_error_at"] as Int64?).map(Instant.init(seconds:)), diverged: row["diverged"])
    }

    public static func save(_ transaction: StoreTransaction, _ state: UplinkState) throws {
        try transaction.db.execute(
            sql: """
                INSERT OR REPLACE INTO uplink_state
                    (id, ledger_seq, finding_id, facts_sent, last_success_at, last_error, last_error_at, diverged)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                state.ledgerSeq, state.findingID, state.factsSent, state.lastSuccess?.seconds, state.lastError,
                state.lastErrorAt?.seconds, state.diverged,
            ])
    }

    /// A ledger snapshot, `json_object(...)` of the row's columns, as values.
    static func decode(_ snapshot: String) throws -> [String: UplinkValue] {
        guard let object = try JSONSerialization.jsonObject(with: Data(snapshot.utf8)) as? [String: Any] else {
            throw InspectError.integrity("a ledger entry's row is not a JSON object: \(snapshot.prefix(80))")
        }
        return object.mapValues { value in
            switch value {
            case let text as String: .text(text)
            case let number as NSNumber: .int(number.int64Value)
            default: .null
            }
        }
    }
}

/// The site's copy of how far the uplink has got, and its last outcome.
public struct UplinkState: Sendable, Equatable, Codable {
    public var ledgerSeq: Int64 = 0
    public var findingID: Int64 = 0
    public var factsSent: Int64 = 0
    public var lastSuccess: Instant?
    public var lastError: String?
    public var lastErrorAt: Instant?
    /// Why the center holds a record this one does not continue (restored from an old backup, cut, rewritten).
    public var diverged: String?

    public init(
        ledgerSeq: Int64 = 0, findingID: Int64 = 0, factsSent: Int64 = 0, lastSuccess: Instant? = nil,
        lastError: String? = nil, lastErrorAt: Instant? = nil, diverged: String? = nil
    ) {
        self.ledgerSeq = ledgerSeq
        self.findingID = findingID
        self.factsSent = factsSent
        self.lastSuccess = lastSuccess
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.diverged = diverged
    }
}

/// What is left to send.
public struct UplinkBacklog: Sendable, Equatable, Codable {
    public var entries: Int
    public var findings: Int
    public var oldest: Instant?

    public init(entries: Int, findings: Int, oldest: Instant?) {
        self.entries = entries
        self.findings = findings
        self.oldest = oldest
    }

    public var rows: Int { entries + findings }
}
