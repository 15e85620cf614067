import InspectCore
import InspectStore

/// The result of `inspectctl verify`.
public struct VerifyReport: Codable, Sendable, Hashable {
    /// What `PRAGMA integrity_check` said: `["ok"]` when the file is sound.
    public var integrity: [String]
    /// Finding rows checked before the end or the first break.
    public var findings: Int
    /// The first row where the hash chain breaks, if any.
    public var chainBreak: String?
    public var chainBreakRow: Int64?
    /// Ledger entries checked (every change to the other tables).
    public var ledgerEntries: Int
    /// What does not hold in the ledger, the tables, and against the journal's witness; empty when all holds.
    public var problems: [String]
    /// What the journal witnessed of this record, or why it could not be read (then nothing was checked against it).
    public var witness: String
    /// Whether the journal could be read, so the record was checked against it.
    public var witnessed: Bool
    /// Events not yet confirmed in the journal.
    public var outboxPending: Int

    public var isValid: Bool { integrity == ["ok"] && chainBreak == nil && problems.isEmpty }
}

extension InspectService {
    /// Checks the database file, recomputes the findings' hash chain, the test results' and the ledger's, compares
    /// every table with the ledger, and compares the record with what the journal witnessed of it, in one read transaction.
    ///
    /// What a row changed outside inspectd held is quoted for administrators only: it may be another person's record
    /// or a secret draw, which `verify`, open to everyone, must not read out to anyone else.
    public func verify(for caller: Caller) throws -> VerifyReport {
        let record = try database.recordIdentity()
        let witnessed = sender.sink.witnessed(record: record)
        return try query { db in
            let integrity = try InspectDatabase.integrityCheck(db)
            let chain = try FindingLedger.verify(db)
            let ledger = try Ledger.verify(db, quotingValues: caller.role == .admin)
            // What the journal contradicts comes first: it says the most about what happened.
            var problems: [String] = []
            let witness: String
            if let witnessed {
                let outcome = try WitnessCheck.check(db, against: witnessed)
                problems = outcome.problems
                witness = outcome.summary
            } else {
                witness =
                    "not checked: the journal cannot be read here (no journald, or a user outside the systemd-journal "
                    + "group; the daemon can read it)"
            }
            problems += ledger.problems
            problems += try CompetencyStore.verify(db)
            return VerifyReport(
                integrity: integrity, findings: chain.rows, chainBreak: chain.firstBreak?.description,
                chainBreakRow: chain.firstBreak?.row, ledgerEntries: ledger.entries, problems: problems,
                witness: witness, witnessed: witnessed != nil, outboxPending: try Outbox.pendingCount(db))
        }
    }
}
