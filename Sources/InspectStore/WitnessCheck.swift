import Foundation
import GRDB
import InspectCore

/// Compares the record with what the journal witnessed of it (`Witnessed`): the journal keeps, outside the file, the
/// hash of every finding and competency test result as it was written and the ledger's head as each event left. So a
/// record cut short, a row rewritten with the rest of its chain recomputed, or a row added without its event shows,
/// which a chain checked against itself cannot show.
///
/// What it cannot show: a change by someone who rewrites the journal as well, or one made before the journal's
/// oldest entry of this record (journald rotates and vacuums its files).
public enum WitnessCheck {
    public struct Outcome: Sendable, Equatable {
        /// What the journal holds, in one line.
        public var summary: String
        public var problems: [String]
    }

    public static func check(_ transaction: StoreTransaction, against witnessed: Witnessed) throws -> Outcome {
        var problems: [String] = []
        let findings = try checkChain(transaction, .findings, witnessed.findings, into: &problems)
        let results = try checkChain(transaction, .testResults, witnessed.testResults, into: &problems)
        try checkLedger(transaction, witnessed, into: &problems)
        let newestFinding = witnessed.findings.hashes.keys.max().map { ", up to finding \($0)" } ?? ""
        let newestEntry = witnessed.ledger.keys.max().map { ", up to entry \($0)" } ?? ""
        let resultsPart = results == 0 ? "" : ", \(results) test results"
        return Outcome(
            summary: "the journal witnessed \(findings) findings\(newestFinding)\(resultsPart) and "
                + "\(witnessed.ledger.count) ledger heads\(newestEntry)",
            problems: Array(problems.prefix(Ledger.problemLimit)))
    }

    /// A hash-chained table the journal witnesses row by row: where its rows are, what one is called, and the event
    /// field that names the row an event wrote.
    struct ChainTable {
        var table: String
        var noun: String
        var plural: String
        var field: String

        static let findings = ChainTable(table: "finding", noun: "finding", plural: "findings", field: "FINDING")
        static let testResults = ChainTable(
            table: "test_result", noun: "test result", plural: "test results", field: "TEST_RESULT")
    }

    /// Rows whose events are still in the outbox: not witnessed yet, through no fault of the record.
    private static func pending(_ transaction: StoreTransaction, _ chain: ChainTable) throws -> Set<Int64> {
        Set(
            try Int64.fetchAll(
                transaction.db,
                sql: """
                    SELECT CAST(json_extract(fields, '$.\(chain.field)') AS INTEGER) FROM outbox
                    WHERE sent_at IS NULL AND json_extract(fields, '$.\(chain.field)') IS NOT NULL
                    """))
    }

    /// Checks every witnessed hash, that the record reaches the newest witnessed row, and that every row from the
    /// oldest witnessed on was witnessed (or waits in the outbox). Returns how many rows it vouched for.
    private static func checkChain(
        _ transaction: StoreTransaction, _ chain: ChainTable, _ witnessed: Witnessed.Chain,
        into problems: inout [String]
    ) throws -> Int {
        let pending = try pending(transaction, chain)
        let oldest = witnessed.hashes.keys.min()
        let newest = witnessed.hashes.keys.max()
        var last: Int64?
        var vouched = 0
        let cursor = try Row.fetchCursor(transaction.db, sql: "SELECT id, hash FROM \(chain.table) ORDER BY id")
        while let row = try cursor.next() {
            let id: Int64 = row["id"]
            let hash: String = row["hash"]
            last = id
            if let seen = witnessed.hashes[id] {
                vouched += 1
                if seen != hash {
                    problems.append(
                        "\(chain.noun) \(id)'s hash is not the one the journal witnessed (\(seen.prefix(12))…): the "
                            + "row, or one before it, was rewritten")
                }
            } else if witnessed.vouches(for: id) {
                vouched += 1
            } else if let oldest, id > oldest, !pending.contains(id) {
                problems.append(
                    "\(chain.noun) \(id) was never witnessed by the journal, and no event for it waits in the outbox: "
                        + "it was added outside inspectd")
            }
        }
        if let newest, newest > last ?? 0 {
            let hash = witnessed.hashes[newest].map { " (hash \($0.prefix(12))…)" } ?? ""
            problems.insert(
                "the record ends at "
                    + (last.map { "\(chain.noun) \($0)" } ?? "no \(chain.noun)")
                    + "; the journal witnessed \(chain.noun) \(newest)\(hash): \(chain.plural) were cut from the "
                    + "record", at: 0)
        }
        return vouched
    }

    /// Checks every witnessed ledger head, that the ledger reaches the newest, and that every entry from the oldest
    /// witnessed on names an event the journal holds (or that waits in the outbox).
    private static func checkLedger(
        _ transaction: StoreTransaction, _ witnessed: Witnessed, into problems: inout [String]
    ) throws {
        guard let newest = witnessed.ledger.keys.max() else { return }
        let head = try Ledger.head(transaction)
        if newest > head.seq ?? 0 {
            problems.insert(
                "the ledger ends at entry \(head.seq.map(String.init) ?? "-"); the journal witnessed entry \(newest): "
                    + "changes were cut from the record", at: 0)
        }
        for (seq, mac) in witnessed.ledger.sorted(by: { $0.key < $1.key }) {
            guard
                let stored = try String.fetchOne(
                    transaction.db, sql: "SELECT mac FROM ledger WHERE seq = ?", arguments: [seq])
            else { continue }
            if stored != mac {
                problems.append(
                    "ledger entry \(seq) is not the one the journal witnessed: the ledger was rewritten from there")
                break
            }
        }
        let oldestEvent = witnessed.events.min() ?? 0
        let pending = Set(try Int64.fetchAll(transaction.db, sql: "SELECT id FROM outbox WHERE sent_at IS NULL"))
        let unreported = try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT seq, table_name, row_key, event_id FROM ledger
                WHERE event_id > ? ORDER BY seq
                """,
            arguments: [oldestEvent])
        for row in unreported {
            let event: Int64 = row["event_id"]
            guard !witnessed.events.contains(event), !pending.contains(event) else { continue }
            let seq: Int64 = row["seq"]
            let table: String = row["table_name"]
            let key: String = row["row_key"]
            problems.append(
                "ledger entry \(seq) (\(table) \(key)) names event \(event), which the journal never received")
            break
        }
    }
}
