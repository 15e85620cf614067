import GRDB
import InspectCore

/// Appends findings to the hash chain and verifies it.
public enum FindingLedger {
    /// The end of the chain as the `finding_chain_head` row records it.
    public struct Head: Sendable, Equatable {
        public var lastID: Int64?
        public var lastHash: String
        public var count: Int
    }

    public static func head(_ transaction: StoreTransaction) throws -> Head {
        guard
            let row = try Row.fetchOne(transaction.db, sql: "SELECT last_id, last_hash, count FROM finding_chain_head")
        else {
            throw InspectError.integrity("the finding chain head is missing: the database was edited outside inspectd")
        }
        return Head(lastID: row["last_id"], lastHash: row["last_hash"], count: row["count"])
    }

    /// Appends `draft` (its id and hashes are ignored) as the next link and returns the stored finding.
    ///
    /// Must run inside a write transaction, which serialises appenders, so the id and the link are final.
    public static func append(_ transaction: StoreTransaction, _ draft: Finding) throws -> Finding {
        let head = try head(transaction)
        let maxID = try Int64.fetchOne(transaction.db, sql: "SELECT max(id) FROM finding") ?? 0
        var finding = draft
        finding.id = maxID + 1
        finding = FindingChain.linked(finding, after: head.lastHash)
        do {
            _ = try FindingRecord(finding).insertRow(transaction.db)
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_CONSTRAINT
            && (error.message ?? "").contains("chain")
        {
            throw InspectError.integrity(
                "the finding chain is broken (\(error.message ?? "")); run 'inspectctl verify' and restore from backup")
        }
        return finding
    }

    /// The outcome of checking the whole chain.
    public struct Verification: Sendable, Equatable {
        public var rows: Int
        public var firstBreak: FindingChain.Break?
    }

    /// Recomputes every link in id order and compares the end with the recorded head.
    public static func verify(_ transaction: StoreTransaction) throws -> Verification {
        var verifier = FindingChain.Verifier()
        let cursor = try Row.fetchCursor(transaction.db, sql: "SELECT * FROM finding ORDER BY id")
        while let row = try cursor.next() {
            // A value edited into something inspectd never writes is a break too, not a crash.
            guard let record = try? FindingRecord(row: row) else {
                let id = Int64.fromDatabaseValue(row["id"] ?? .null) ?? -1
                let broken = FindingChain.Break(row: id, reason: "a field holds a value inspectd never writes")
                return Verification(rows: verifier.count, firstBreak: broken)
            }
            if let broken = verifier.check(record.finding) {
                return Verification(rows: verifier.count, firstBreak: broken)
            }
        }
        let head = try head(transaction)
        let end = verifier.checkEnd(headID: head.lastID, headHash: head.lastHash, headCount: head.count)
        return Verification(rows: verifier.count, firstBreak: end)
    }
}

extension InspectDatabase {
    /// SQLite's integrity check (pages, records and every index against its table: an index edited apart from its
    /// table is found too), the findings' hash chain, the test results' and the ledger of every other change with the
    /// tables it describes, as the daemon checks them before it starts.
    /// - Throws: `InspectError.integrity` saying what failed and what to do.
    public func checkIntegrity() throws {
        let (integrity, chain, ledger, results) = try readTransaction { db in
            (
                try Self.integrityCheck(db), try FindingLedger.verify(db),
                try Ledger.verify(db, quotingValues: true), try CompetencyStore.verify(db)
            )
        }
        guard integrity == ["ok"] else {
            throw InspectError.integrity(
                "database \(path) fails SQLite's integrity check (\(integrity.prefix(3).joined(separator: "; "))); "
                    + "restore it from a backup")
        }
        if let broken = chain.firstBreak {
            throw InspectError.integrity(
                "the findings of \(path) do not verify: \(broken); restore the database from a backup")
        }
        if let problem = ledger.problems.first ?? results.first {
            throw InspectError.integrity(
                "the record \(path) does not verify: \(problem); run 'inspectctl verify' and restore the database from a "
                    + "backup")
        }
    }

    /// What `PRAGMA integrity_check` says in the current transaction: `["ok"]` when the file is sound.
    package static func integrityCheck(_ transaction: StoreTransaction) throws -> [String] {
        try String.fetchAll(transaction.db, sql: "PRAGMA integrity_check")
    }
}
