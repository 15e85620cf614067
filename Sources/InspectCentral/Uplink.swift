import InspectCore
import InspectStore
import PostgresNIO

/// Sends a site's record to the center: every committed fact, in commit order, exactly once.
///
/// Each batch goes in one PostgreSQL transaction together with its row in `center.uplink_batch`, which holds how
/// far the site has sent; the uplink resumes from the newest of those rows, so a crash of the site, the daemon or
/// the server at any moment leaves each fact sent once or not yet. Facts read from ledger entries are skipped at
/// the center when already there, findings never arrive twice. What the site keeps secret is never sent
/// (`UplinkSecrecy`). Reading takes no lock a writer waits for (WAL), so the site's writes go on while it sends.
///
/// Before sending, the uplink checks that the center's newest fact of this site is still in the record. If it is
/// not, the record was cut, rewritten or restored from an older backup: the site is flagged at the center, and from
/// then on only findings are sent, which the center keeps apart (`center.divergent_finding`).
public struct Uplink: Sendable {
    public let database: InspectDatabase
    public let url: CentralURL
    public let password: String?
    /// Facts per batch; a batch grows when its facts depend on ones further on (an upgraded record's history).
    public var batchSize: Int
    let clock: @Sendable () -> Instant

    public init(
        database: InspectDatabase, url: CentralURL, password: String?, batchSize: Int = 2_000,
        clock: @escaping @Sendable () -> Instant
    ) {
        self.database = database
        self.url = url
        self.password = password
        self.batchSize = batchSize
        self.clock = clock
    }

    /// What one call of ``drain()`` sent.
    public struct Outcome: Sendable, Equatable {
        public var facts = 0
        public var batches = 0
        /// Why the center holds a record this one does not continue, when it does.
        public var diverged: String?
    }

    /// How far the site has sent, as the center's newest batch says.
    struct Cursor: Sendable {
        var batch: Int64 = 0
        var ledgerSeq: Int64 = 0
        var ledgerMAC: String?
        var findingID: Int64 = 0
        var findingHash: String?
    }

    /// Connects, resumes, and sends until nothing is left; notes the outcome in the record's uplink state, success
    /// or failure.
    /// - Throws: ``CentralError`` when the center cannot be reached or refuses the site.
    @discardableResult
    public func drain() async throws -> Outcome {
        do {
            let connection = try await CentralConnection.connect(to: url, password: password)
            do {
                let outcome = try await drain(on: connection)
                await connection.close()
                return outcome
            } catch {
                await connection.close()
                throw error
            }
        } catch {
            let why = (error as? CentralError)?.description ?? String(describing: error)
            // The same failure again keeps the time it began.
            try? updateState(change: { $0.lastError = why }, stamp: { $0.lastErrorAt = clock() })
            throw error
        }
    }

    private func drain(on connection: CentralConnection) async throws -> Outcome {
        try await CentralMigrator.requireCurrent(connection)
        try await checkIdentity(connection)
        var cursor = try await resume(connection)
        var outcome = Outcome()
        outcome.diverged = try await divergence(connection, cursor: &cursor)
        let findingsOnly = outcome.diverged != nil
        var limit = batchSize
        var pending = try nextBatch(after: cursor, limit: limit, findingsOnly: findingsOnly)
        while let batch = pending {
            // The site's record is read for the next batch while the center takes this one.
            async let taken: Void = send(batch.rows, cursor: batch.next, on: connection)
            let following = Result { try nextBatch(after: batch.next, limit: batchSize, findingsOnly: findingsOnly) }
            do {
                try await taken
            } catch let error as CentralError where error.sqlState == "23503" && !batch.complete {
                // A fact refers to one further on: send more at once.
                limit *= 2
                pending = try nextBatch(after: cursor, limit: limit, findingsOnly: findingsOnly)
                continue
            }
            if !batch.rows.isEmpty {
                outcome.batches += 1
                outcome.facts += batch.rows.count
            }
            cursor = batch.next
            limit = batchSize
            try note(cursor, sent: batch.rows.count, diverged: outcome.diverged)
            pending = try following.get()
        }
        try note(cursor, sent: 0, diverged: outcome.diverged)
        return outcome
    }

    /// The connected login must be the site of this very record.
    private func checkIdentity(_ connection: CentralConnection) async throws {
        let site = try await connection.run("SELECT center.current_site()").first?.decode(String?.self) ?? nil
        guard let site else {
            throw CentralError(
                "the login '\(url.user)' is not a site of this center: add the site with 'inspectctl central "
                    + "site-add'", .noPermission)
        }
        let record = try database.recordIdentity()
        guard site == record else {
            throw CentralError(
                "the center knows the login '\(url.user)' as record \(site), but this record is \(record)", .config)
        }
    }

    private func resume(_ connection: CentralConnection) async throws -> Cursor {
        let rows = try await connection.run(
            """
            SELECT batch, ledger_seq, ledger_mac, finding_row_id, finding_hash FROM center.uplink_batch
            WHERE site = center.current_site() ORDER BY batch DESC LIMIT 1
            """)
        guard let row = rows.first else { return Cursor() }
        let (batch, seq, mac, finding, hash) = try row.decode((Int64, Int64, String?, Int64, String?).self)
        return Cursor(batch: batch, ledgerSeq: seq, ledgerMAC: mac, findingID: finding, findingHash: hash)
    }

    /// Why the record does not continue what the center holds, or nil when it does. When the findings diverged,
    /// moves the cursor back to the last finding both hold, so the site's own findings from there on are sent (and
    /// kept apart by the center).
    private func divergence(_ connection: CentralConnection, cursor: inout Cursor) async throws -> String? {
        let flagged = try await connection.run(
            "SELECT reason FROM center.site_flag WHERE site = center.current_site() ORDER BY flagged_at LIMIT 1")
        var why = try flagged.first?.decode(String.self)
        let (mac, hash, last) = try database.readTransaction { transaction in
            (
                try UplinkFeed.entryMAC(transaction, seq: cursor.ledgerSeq),
                try UplinkFeed.findingHash(transaction, id: cursor.findingID),
                try UplinkFeed.lastFindingID(transaction)
            )
        }
        if cursor.ledgerSeq > 0 && mac != cursor.ledgerMAC {
            why =
                why ?? "the center holds ledger entry \(cursor.ledgerSeq) and this record "
                + (mac == nil ? "has no such entry" : "a different one")
                + ": it was cut, rewritten or restored from an older backup"
        }
        if cursor.findingID > 0 && hash != cursor.findingHash {
            why =
                why ?? "the center holds finding \(cursor.findingID) and this record "
                + (hash == nil ? "has no such finding" : "a different one")
                + ": it was cut, rewritten or restored from an older backup"
            cursor.findingID = try await lastCommonFinding(connection, below: min(cursor.findingID, last))
        }
        if let why, flagged.isEmpty {
            try await connection.run("INSERT INTO center.site_flag (reason) VALUES (\(why))")
        }
        return why
    }

    /// The newest finding up to `bound` that the center and the record both hold with the same hash. Chains share
    /// a prefix (each hash covers the one before), so a binary search finds it.
    private func lastCommonFinding(_ connection: CentralConnection, below bound: Int64) async throws -> Int64 {
        var (low, high) = (Int64(0), bound)
        while low < high {
            let middle = (low + high + 1) / 2
            let theirs = try await connection.run(
                "SELECT hash FROM center.finding WHERE site = center.current_site() AND row_id = \(middle)"
            ).first?.decode(String.self)
            let ours = try database.readTransaction { try UplinkFeed.findingHash($0, id: middle) }
            if theirs != nil && theirs == ours { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Facts to send, as the center's rows, with the cursor they take the site to.
    struct Batch: Sendable {
        var rows: [CentralRow]
        var next: Cursor
        /// Whether the batch holds all there was to send: if not, a fact referring to one further on is sent by
        /// growing the batch.
        var complete: Bool
    }

    /// The facts after `cursor`, at most `limit` of them; nil when there are none.
    private func nextBatch(after cursor: Cursor, limit: Int, findingsOnly: Bool) throws -> Batch? {
        let (items, complete) = try read(after: cursor, limit: limit, findingsOnly: findingsOnly)
        guard !items.isEmpty else { return nil }
        var next = cursor
        for item in items {
            switch item {
            case .entry(let entry): (next.ledgerSeq, next.ledgerMAC) = (entry.seq, entry.mac)
            case .finding(let finding): (next.findingID, next.findingHash) = (finding.id, finding.hash)
            }
        }
        let rows = items.flatMap(CentralFacts.rows)
        if !rows.isEmpty { next.batch += 1 }
        return Batch(rows: rows, next: next, complete: complete)
    }

    /// The next facts in commit order, read in one snapshot, and whether they are all there is.
    private func read(after cursor: Cursor, limit: Int, findingsOnly: Bool) throws -> ([UplinkItem], Bool) {
        try database.readTransaction { transaction in
            let entries =
                findingsOnly ? [] : try UplinkFeed.entries(transaction, after: cursor.ledgerSeq, limit: limit + 1)
            let findings = try UplinkFeed.findings(transaction, after: cursor.findingID, limit: limit + 1)
            let items = UplinkOrder.merge(
                entries: Array(entries.prefix(limit)), entriesComplete: entries.count <= limit,
                findings: Array(findings.prefix(limit)), findingsComplete: findings.count <= limit, limit: limit)
            return (items, entries.count <= limit && findings.count <= limit && items.count < limit)
        }
    }

    /// One batch: its rows, table by table in the order they came, the findings last, and its cursor, in one
    /// transaction. The center checks the findings' keys when they are added (`CentralSchema.findingKeys`), so the
    /// inspections they name go first; the other tables' keys wait for the commit. A batch with no rows (facts the
    /// center does not hold) sends nothing: the cursor the center keeps moves with the next one.
    private func send(_ rows: [CentralRow], cursor: Cursor, on connection: CentralConnection) async throws {
        guard !rows.isEmpty else { return }
        // Grouped by name: a batch holds a few tables, and hashing a table's whole description for each of
        // thousands of rows was a tenth of the uplink's time.
        var groups: [(table: CentralFactTable, rows: [[UplinkValue]])] = []
        for row in rows {
            if let index = groups.lastIndex(where: { $0.table.name == row.table.name }) {
                groups[index].rows.append(row.values)
            } else {
                groups.append((row.table, [row.values]))
            }
        }
        let findings = CentralFacts.findingTable.name
        let ordered = groups.filter { $0.table.name != findings } + groups.filter { $0.table.name == findings }
        try await connection.transaction { connection in
            for group in ordered {
                try await connection.run(group.table.insert(group.rows))
            }
            try await connection.run(
                """
                INSERT INTO center.uplink_batch (batch, ledger_seq, ledger_mac, finding_row_id, finding_hash, facts)
                VALUES (\(cursor.batch), \(cursor.ledgerSeq), \(cursor.ledgerMAC), \(cursor.findingID),
                    \(cursor.findingHash), \(rows.count))
                """)
        }
    }

    /// Notes how far the site has sent in its own record, for `inspectctl uplink status`. Not flushed: the center's
    /// copy decides where the next run resumes.
    private func note(_ cursor: Cursor, sent: Int, diverged: String?) throws {
        let change = { (state: inout UplinkState) in
            // The first success is a change even when it has nothing to send.
            if state.lastSuccess == nil { state.lastSuccess = Instant(seconds: 0) }
            state.ledgerSeq = cursor.ledgerSeq
            state.findingID = cursor.findingID
            state.factsSent += Int64(sent)
            state.lastError = nil
            state.lastErrorAt = nil
            state.diverged = diverged
        }
        try updateState(change: change, stamp: { $0.lastSuccess = clock() })
    }

    /// Applies `change` to the record's uplink state and, when that changes it, `stamp` (the time), in one write. A
    /// round that changes nothing writes nothing: an idle daemon looks for facts every few seconds, and would
    /// otherwise write its record as often.
    private func updateState(change: (inout UplinkState) -> Void, stamp: (inout UplinkState) -> Void) throws {
        var state = try database.readTransaction { try UplinkFeed.state($0) }
        let before = state
        change(&state)
        guard state != before else { return }
        try database.writeTransactionUnflushed { transaction in
            var state = try UplinkFeed.state(transaction)
            change(&state)
            stamp(&state)
            try UplinkFeed.save(transaction, state)
        }
    }
}
