/// What the journal holds of one record's events, read back so the record can be checked against it: the journal
/// is a second copy of every finding's and test result's hash and of the ledger's head as each event left, kept
/// outside the file.
public struct Witnessed: Sendable, Equatable {
    /// What the journal vouches for of one hash chain (findings, or competency test results): the hash each event
    /// carried for the row it wrote, and the rows an import's one event vouches for as a range up to the one it names.
    public struct Chain: Sendable, Equatable {
        /// Row id → the hash an event carried for it (an import's event carries the last of its rows).
        public var hashes: [Int64: String] = [:]
        /// Rows an import's event vouches for, each up to the one it names in ``hashes``.
        public var ranges: [ClosedRange<Int64>] = []

        public init() {}

        /// Whether the journal vouches for row `id`: its own event, or an import's range.
        public func vouches(for id: Int64) -> Bool {
            hashes[id] != nil || ranges.contains { $0.contains(id) }
        }

        /// Adds what one entry carries under the chain's field names: the row, its hash, the first of an import's.
        mutating func add(_ fields: [String: String], row: String, hash: String, from: String) {
            guard let id = fields[row].flatMap(Int64.init), let value = fields[hash] else { return }
            hashes[id] = value
            if let first = fields[from].flatMap(Int64.init), first <= id { ranges.append(first...id) }
        }
    }

    /// The findings' chain: `FINDING`, `HASH` and an import's `FINDINGS_FROM`.
    public var findings = Chain()
    /// The competency test results' chain: `TEST_RESULT`, `TEST_RESULT_HASH` and an import's `TEST_RESULTS_FROM`.
    public var testResults = Chain()
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
        findings.add(fields, row: "FINDING", hash: "HASH", from: "FINDINGS_FROM")
        testResults.add(fields, row: "TEST_RESULT", hash: "TEST_RESULT_HASH", from: "TEST_RESULTS_FROM")
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

    /// The fields a reader of the journal needs for ``add(fields:)``, without the `INSPECTD_` prefix.
    public static let fieldNames = [
        "EVENT_ID", "FINDING", "HASH", "FINDINGS_FROM", "TEST_RESULT", "TEST_RESULT_HASH", "TEST_RESULTS_FROM",
        "LEDGER_SEQ", "LEDGER_MAC", "PLAN", "PERIOD", "COMMITMENT", "SEED",
    ]
}
