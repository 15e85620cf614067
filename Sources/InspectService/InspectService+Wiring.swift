import Foundation
import InspectCore
import InspectStore

extension InspectService {
    /// The service as a process runs it, wired the same way for the daemon and for inspectctl's direct mode: the
    /// policy, and an outbox sender on the same database and clock that claims the rows it sends as `program:pid`
    /// (so another process's sender can tell them from its own).
    public init(
        database: InspectDatabase, policy: ServicePolicy, sink: any EventSink, program: String,
        clock: @escaping @Sendable () -> Instant
    ) {
        self.init(
            database: database, policy: policy,
            sender: OutboxSender(database: database, sink: sink, claimant: "\(program):\(getpid())", clock: clock),
            clock: clock)
    }
}
