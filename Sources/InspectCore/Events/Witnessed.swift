/// What the journal holds of one record's events, read back so the record can be checked against it: the journal
/// is a second copy of every finding's hash and of the ledger's head as each event left, kept outside the file.
public struct Witnessed: Sendable, Equatable {
    /// Finding id → the hash an event carried for it (one per logged, amended or retracted finding; an import's
    /// event carries the last of its rows).
    public var findings: [Int64: String] = [:]
    /// Findings an import's event vouches for as a range, up to the one it names in ``findings``.
    public var findingRanges: [ClosedRange<Int64>] = []
    /// Ledger seq → MAC, from the ledger's head each event carried.
    public var ledger: [Int64: String] = [:]
    /// The outbox ids of the record's events the journal holds.
    public var events: Set<Int64> = []
    /// The commitments of surprise draws, by `plan period`.
    public var commitments: [String: Set<String>] = [:]

    public init() {}

    /// Adds what one journal entry carries, given its `INSPECTD_*` fields without the prefix.
    public mutating func add(fields: [String: String]) {
        if let id = fields["EVENT_ID"].flatMap(Int64.init) { events.insert(id) }
        if let id = fields["FINDING"].flatMap(Int64.init), let hash = fields["HASH"] {
            findings[id] = hash
            if let first = fields["FINDINGS_FROM"].flatMap(Int64.init), first <= id { findingRanges.append(first...id) }
        }
        if let seq = fields["LEDGER_SEQ"].flatMap(Int64.init), let mac = fields["LEDGER_MAC"] { ledger[seq] = mac }
        if let commitment = fields["COMMITMENT"], fields["SEED"] == nil {
            if let plan = fields["PLAN"], let period = fields["PERIOD"] {
                commitments[Self.drawKey(plan: plan, period: period), default: []].insert(commitment)
            } else if fields["FOLLOWS"] != nil, let inspection = fields["INSPECTION"].flatMap(Int64.init) {
                commitments[Self.followUpKey(inspection), default: []].insert(commitment)
            }
        }
    }

    /// The key of a surprise draw's commitments in ``commitments``.
    public static func drawKey(plan: String, period: String) -> String { "\(plan) \(period)" }

    /// The key of a follow-up's commitments in ``commitments``.
    public static func followUpKey(_ inspection: Int64) -> String { "follow-up \(inspection)" }

    /// What the journal says of a commitment the record holds: a note, and a problem when the journal refutes it
    /// (more than one commitment for the same draw, or another one than the record's).
    public func check(commitment: String, key: String, what: String) -> (note: String, problem: String?) {
        let seen = commitments[key] ?? []
        if seen.count > 1 {
            return (
                "the journal holds \(seen.count) commitments for \(what)",
                "the journal holds \(seen.count) different commitments for \(what): it was drawn more than once"
            )
        }
        guard let only = seen.first else {
            return ("the journal holds no commitment for \(what) (it may be older than the journal's entries)", nil)
        }
        guard only == commitment else {
            return (
                "the journal witnessed another commitment",
                "the journal witnessed commitment \(only.prefix(16))… for \(what), not the record's: the draw was replaced"
            )
        }
        return ("the journal witnessed this commitment when it was made", nil)
    }

    /// Whether the journal vouches for finding `id`: its own event, or an import's range.
    public func vouches(forFinding id: Int64) -> Bool {
        findings[id] != nil || findingRanges.contains { $0.contains(id) }
    }

    /// The fields a reader of the journal needs for ``add(fields:)``, without the `INSPECTD_` prefix.
    public static let fieldNames = [
        "EVENT_ID", "FINDING", "HASH", "FINDINGS_FROM", "LEDGER_SEQ", "LEDGER_MAC", "PLAN", "PERIOD", "COMMITMENT",
        "SEED",
    ]
}
