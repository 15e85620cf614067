import InspectCore
import InspectStore

/// The use cases of inspectd: one implementation behind both transports, the CLI's direct mode (in process) and the
/// daemon's Varlink server.
///
/// Every write runs in one transaction together with the outbox rows of the events it causes; after commit the
/// events are sent to the journal. Either the fact and its events are stored, or neither is.
///
/// ```swift
/// let service = InspectService(database: database, policy: ServicePolicy(), sender: sender, clock: { Instant(Date()) })
/// let office = try service.addOffice(.init(code: "UBND-NHANLY", name: "UBND xã Nhân Lý", kind: .commune), by: caller)
/// ```
public struct InspectService: Sendable {
    public let database: InspectDatabase
    public var policy: ServicePolicy
    public let sender: OutboxSender
    public let clock: @Sendable () -> Instant

    public init(
        database: InspectDatabase, policy: ServicePolicy, sender: OutboxSender,
        clock: @escaping @Sendable () -> Instant
    ) {
        self.database = database
        self.policy = policy
        self.sender = sender
        self.clock = clock
    }

    /// Runs a write use case in one transaction, then sends the events it emitted.
    ///
    /// If sending fails after the commit, the events stay in the outbox for the daemon; the write still succeeded.
    func perform<T>(_ body: (StoreTransaction, inout EventLog) throws -> T) throws -> T {
        let now = clock()
        let (result, ids) = try database.writeTransaction { db in
            var log = EventLog(db: db, now: now, claimant: sender.claimant)
            let result = try body(db, &log)
            // Changes written after the transaction's last event are reported by it too.
            try Ledger.seal(db, event: log.ids.last)
            return (result, log.ids)
        }
        _ = try? sender.send(ids: ids)
        return result
    }

    /// Runs a read use case in one consistent snapshot.
    func query<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try database.readTransaction(body)
    }
}

/// Collects the events of one write transaction into the outbox.
struct EventLog {
    let db: StoreTransaction
    let now: Instant
    let claimant: String
    private(set) var ids: [Int64] = []

    init(db: StoreTransaction, now: Instant, claimant: String) {
        self.db = db
        self.now = now
        self.claimant = claimant
    }

    mutating func emit(_ event: Event) throws {
        ids.append(try Outbox.enqueue(db, event, at: now, claimant: claimant))
    }
}
