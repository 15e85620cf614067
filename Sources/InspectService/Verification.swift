import GRDB
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
    /// Events not yet confirmed in the journal.
    public var outboxPending: Int

    public var isValid: Bool { integrity == ["ok"] && chainBreak == nil }
}

extension InspectService {
    /// Checks the database file and recomputes the findings' hash chain, in one read transaction.
    public func verify() throws -> VerifyReport {
        try query { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let chain = try FindingLedger.verify(db)
            return VerifyReport(
                integrity: integrity, findings: chain.rows, chainBreak: chain.firstBreak?.description,
                chainBreakRow: chain.firstBreak?.row, outboxPending: try Outbox.pendingCount(db))
        }
    }
}
