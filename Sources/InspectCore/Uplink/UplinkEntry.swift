/// A value of a row as the ledger keeps it: SQLite's integers, texts and nulls (the record stores no other kind).
public enum UplinkValue: Sendable, Hashable {
    case int(Int64)
    case text(String)
    case null

    public var int: Int64? {
        if case .int(let value) = self { value } else { nil }
    }

    public var text: String? {
        if case .text(let value) = self { value } else { nil }
    }
}

/// One ledger entry as the uplink reads it: a row of one of the record's tables as it was after a change (nil when
/// it was deleted), with its place among the findings.
public struct UplinkEntry: Sendable, Hashable {
    public var seq: Int64
    public var table: String
    /// The row's key as the ledger writes it (a JSON array of the primary key's values).
    public var key: String
    public var row: [String: UplinkValue]?
    public var mac: String
    /// How many findings existed when the entry was written: it comes after the finding with this id and before
    /// the next. Nil for entries written before the uplink existed, which come before every finding.
    public var findingsBefore: Int64?
    public var writtenAt: Instant?

    public init(
        seq: Int64, table: String, key: String, row: [String: UplinkValue]?, mac: String, findingsBefore: Int64?,
        writtenAt: Instant?
    ) {
        self.seq = seq
        self.table = table
        self.key = key
        self.row = row
        self.mac = mac
        self.findingsBefore = findingsBefore
        self.writtenAt = writtenAt
    }

    public subscript(column: String) -> UplinkValue { row?[column] ?? .null }
}
