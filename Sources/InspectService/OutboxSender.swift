import InspectCore
import InspectStore

/// Sends outbox rows to an `EventSink` and marks the ones the journal accepted.
///
/// Rows whose delivery fell back (no journald) stay pending: the daemon sends them again once the journal is back,
/// so an event is never lost, and it reaches stderr in the meantime.
public struct OutboxSender: Sendable {
    public let database: InspectDatabase
    public let sink: any EventSink
    /// Identifies this process's claims: `inspectctl:<pid>` or `inspectd:<pid>`.
    public let claimant: String
    let clock: @Sendable () -> Instant

    public init(
        database: InspectDatabase, sink: any EventSink, claimant: String, clock: @escaping @Sendable () -> Instant
    ) {
        self.database = database
        self.sink = sink
        self.claimant = claimant
        self.clock = clock
    }

    /// What one round of sending achieved.
    public struct Report: Sendable, Equatable {
        public var sent = 0
        public var fellBack = 0
        /// Events whose sender had died after sending them and before marking them: found in the journal, marked
        /// sent, not sent again.
        public var recognised = 0

        public init(sent: Int = 0, fellBack: Int = 0, recognised: Int = 0) {
            self.sent = sent
            self.fellBack = fellBack
            self.recognised = recognised
        }
    }

    /// Sends the rows with these ids (claimed by this process when they were written).
    @discardableResult
    public func send(ids: [Int64]) throws -> Report {
        guard !ids.isEmpty else { return Report() }
        let rows = try database.readTransaction { db in try Outbox.unsent(db, ids: ids) }
        return try deliver(rows, inDoubt: [])
    }

    /// Claims and sends every pending row nobody else holds, in batches, until none is left or the journal falls
    /// back. Rows held by a stopped process are taken over at once; the journal is asked about them first.
    @discardableResult
    public func flushPending() throws -> Report {
        var total = Report()
        while true {
            let claims = try database.writeTransaction { db in
                try Outbox.claimPending(db, claimant: claimant, at: clock(), isStopped: Outbox.claimantHasStopped)
            }
            guard !claims.isEmpty else { return total }
            let inDoubt = Set(claims.filter(\.mayHaveBeenSent).compactMap(\.record.id))
            let report = try deliver(claims.map(\.record), inDoubt: inDoubt)
            total.sent += report.sent
            total.fellBack += report.fellBack
            total.recognised += report.recognised
            if report.fellBack > 0 { return total }
        }
    }

    private func deliver(_ rows: [OutboxRecord], inDoubt: Set<Int64>) throws -> Report {
        guard !rows.isEmpty else { return Report() }
        let record = try database.recordIdentity()
        let alreadyThere = inDoubt.isEmpty ? [] : sink.delivered(inDoubt, record: record) ?? []
        var report = Report(recognised: alreadyThere.count)
        var sent = Array(alreadyThere)
        for row in rows {
            guard let id = row.id, !alreadyThere.contains(id), var event = row.event else { continue }
            event.fields["RECORD"] = record
            switch sink.deliver(event, eventID: id) {
            case .journaled:
                sent.append(id)
                report.sent += 1
            case .fellBack:
                report.fellBack += 1
            }
        }
        if !sent.isEmpty {
            try database.writeTransactionUnflushed { db in try Outbox.markSent(db, ids: sent, at: clock()) }
        }
        return report
    }
}
