import Crypto

/// The chain that makes every change to the record's other tables (offices, staff, inspections, escalations,
/// corrective actions, draws, logins) tamper-evident, as `FindingChain` does for findings.
///
/// Each change is one ledger entry: the table, the row's key, the row as it is after the change (a JSON object, or
/// nothing when the row was deleted), and the outbox event that reported it. Entry `n` stores
/// `mac = HMAC-SHA-256(key, prev_mac ‖ canonical(entry))`. The key is the record's own, random, and never leaves the
/// database: the journal witnesses the chain by its MACs, and a MAC over a secret row (a surprise inspection's office
/// and time) would otherwise let a journal reader test guesses of the row.
public enum LedgerChain {
    /// The `prev_mac` of the first entry: 64 zeros.
    public static let genesis = String(repeating: "0", count: 64)

    /// One entry as it is chained.
    public struct Entry: Hashable, Sendable {
        public var seq: Int64
        public var table: String
        public var key: String
        /// The row after the change, as `json_object` wrote it; nil when the row was deleted.
        public var snapshot: String?
        /// The outbox row of the event that reported the change; nil for the entries that describe the record as
        /// it was when the ledger began.
        public var event: Int64?

        public init(seq: Int64, table: String, key: String, snapshot: String?, event: Int64?) {
            self.seq = seq
            self.table = table
            self.key = key
            self.snapshot = snapshot
            self.event = event
        }
    }

    /// The bytes hashed for `entry`.
    public static func canonical(_ entry: Entry) -> [UInt8] {
        var writer = CanonicalWriter(tag: "inspectd.ledger.v1")
        writer.field(entry.seq)
        writer.field(entry.table)
        writer.field(entry.key)
        writer.field(entry.snapshot)
        writer.field(entry.event)
        return writer.bytes
    }

    /// The MAC of `entry` linked after an entry whose MAC is `prevMAC` (64 hex digits), under `key` (hex).
    public static func mac(_ entry: Entry, prevMAC: String, key: String) -> String {
        var mac = HMAC<SHA256>(key: SymmetricKey(data: Hex.decode(key) ?? []))
        mac.update(data: Hex.decode(prevMAC) ?? [UInt8](repeating: 0, count: 32))
        mac.update(data: canonical(entry))
        return Hex.encode(Array(mac.finalize()))
    }

    /// A fresh key: 32 bytes from `generator` (the system's CSPRNG in production), as hex.
    public static func newKey(using generator: inout some RandomNumberGenerator) -> String {
        DrawSeed.random(using: &generator).hex
    }
}
