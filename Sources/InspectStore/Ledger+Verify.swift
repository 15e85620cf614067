import Foundation
import GRDB
import InspectCore

extension Ledger {
    /// What checking the ledger and the tables found.
    public struct Verification: Sendable, Equatable {
        /// Entries checked.
        public var entries: Int
        /// What does not hold, most important first; empty when the ledger and the tables agree.
        public var problems: [String]
    }

    /// The most problems one check reports: the first ones say where to look.
    static let problemLimit = 20

    /// Recomputes the ledger's chain, then compares every table of ``tables`` with the last entry of each of its
    /// rows, and the findings' lineage with the findings: a row changed, added or deleted without inspectd shows.
    ///
    /// - Parameter quotingValues: Whether a changed row's problem quotes the first changed column's values
    ///   (`checked: 22 → 99`) or names the column only. The values may be someone's record or a secret draw: only
    ///   those who may read every row get them.
    public static func verify(_ transaction: StoreTransaction, quotingValues: Bool) throws -> Verification {
        var problems: [String] = []
        let entries = try verifyChain(transaction, into: &problems)
        for table in tables where problems.count < problemLimit {
            try verifyState(transaction, table: table, quotingValues: quotingValues, into: &problems)
        }
        try verifyLineage(transaction, into: &problems)
        return Verification(entries: entries, problems: Array(problems.prefix(problemLimit)))
    }

    private static func verifyChain(_ transaction: StoreTransaction, into problems: inout [String]) throws -> Int {
        let key = try key(transaction)
        let head = try head(transaction)
        var previous = LedgerChain.genesis
        var previousSeq: Int64?
        var count = 0
        let cursor = try Row.fetchCursor(transaction.db, sql: "SELECT * FROM ledger ORDER BY seq")
        while let row = try cursor.next() {
            let seq: Int64 = row["seq"]
            let entry = LedgerChain.Entry(
                seq: seq, table: row["table_name"], key: row["row_key"], snapshot: row["snapshot"],
                event: row["event_id"])
            let name = "ledger entry \(seq) (\(entry.table) \(entry.key))"
            guard let mac: String = row["mac"], let prevMAC: String = row["prev_mac"] else {
                problems.append("\(name) was never sealed: it was written outside inspectd")
                return count
            }
            if prevMAC != previous {
                let before = previousSeq.map { "entry \($0)" } ?? "the start of the ledger"
                problems.append("\(name) does not follow \(before): an entry was deleted, inserted or changed")
                return count
            }
            if LedgerChain.mac(entry, prevMAC: prevMAC, key: key) != mac {
                problems.append("\(name) does not match its MAC: it was edited")
                return count
            }
            if entry.event == nil, seq > head.genesis ?? 0 {
                problems.append("\(name) names no event: the change was written without being reported")
            }
            previous = mac
            previousSeq = seq
            count += 1
        }
        if head.seq != previousSeq || head.mac != previous || head.count != count {
            problems.append(
                "the ledger head records \(head.count) entries ending at \(head.seq.map(String.init) ?? "-"), but the "
                    + "ledger holds \(count) ending at \(previousSeq.map(String.init) ?? "-"): entries were deleted or "
                    + "added outside inspectd")
        }
        return count
    }

    /// Compares each row of `table` with its last entry.
    private static func verifyState(
        _ transaction: StoreTransaction, table: String, quotingValues: Bool, into problems: inout [String]
    ) throws {
        let (columns, key) = try shape(transaction, table: table)
        var current: [String: String] = [:]
        for row in try Row.fetchAll(
            transaction.db,
            sql: "SELECT \(key("")) AS k, \(snapshot(columns: columns, prefix: "")) AS s FROM \"\(table)\"")
        {
            current[row["k"]] = row["s"]
        }
        let recorded = try Row.fetchAll(
            transaction.db,
            sql: """
                SELECT row_key, snapshot FROM ledger WHERE seq IN (
                    SELECT max(seq) FROM ledger WHERE table_name = ? GROUP BY row_key)
                """,
            arguments: [table])
        var seen = Set<String>()
        for row in recorded {
            let rowKey: String = row["row_key"]
            seen.insert(rowKey)
            let last: String? = row["snapshot"]
            switch (last, current[rowKey]) {
            case (nil, nil): continue
            case (nil, .some): problems.append("\(table) \(rowKey) was added again outside inspectd")
            case (.some, nil): problems.append("\(table) \(rowKey) was deleted outside inspectd")
            case (let last?, let now?) where last != now:
                let change = difference(last, now)
                let said = quotingValues ? change.quoted : "\(change.column) changed"
                problems.append("\(table) \(rowKey) was changed outside inspectd (\(said))")
            default: continue
            }
        }
        for rowKey in current.keys.sorted() where !seen.contains(rowKey) {
            problems.append("\(table) \(rowKey) was added outside inspectd")
        }
    }

    /// The first column whose value differs between two snapshots, by name, and with its values: `checked: 22 → 99`.
    static func difference(_ before: String, _ after: String) -> (column: String, quoted: String) {
        let decode = { (text: String) -> [String: Any] in
            (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        }
        let (old, new) = (decode(before), decode(after))
        for name in Set(old.keys).union(new.keys).sorted() {
            let was = old[name].map { "\($0)" } ?? "null"
            let now = new[name].map { "\($0)" } ?? "null"
            if was != now { return (name, "\(name): \(was) → \(now)") }
        }
        return ("its stored form", "its stored form differs")
    }

    /// Checks `finding_lineage` against the findings it is derived from.
    private static func verifyLineage(_ transaction: StoreTransaction, into problems: inout [String]) throws {
        var roots: [Int64: Int64] = [:]
        for row in try Row.fetchAll(transaction.db, sql: "SELECT id, corrects_id FROM finding ORDER BY id") {
            let id: Int64 = row["id"]
            let corrects: Int64? = row["corrects_id"]
            roots[id] = corrects.flatMap { roots[$0] } ?? id
        }
        var listed = 0
        for row in try Row.fetchAll(
            transaction.db, sql: "SELECT finding_id, root_id FROM finding_lineage ORDER BY finding_id")
        {
            let id: Int64 = row["finding_id"]
            let root: Int64 = row["root_id"]
            listed += 1
            guard let expected = roots[id] else {
                problems.append(
                    "finding_lineage lists finding \(id), which the record does not hold: findings were deleted outside "
                        + "inspectd")
                return
            }
            if expected != root {
                problems.append(
                    "finding_lineage puts finding \(id) under \(root), but the findings put it under \(expected): the "
                        + "lineage was edited")
                return
            }
        }
        if listed != roots.count {
            problems.append("finding_lineage lists \(listed) findings, the findings are \(roots.count)")
        }
    }
}
