import Dispatch
import Foundation
import InspectCore
import InspectService
import InspectVarlink
import Logging

/// The daemon's Varlink API: every `Operation` as a method of `io.inspectd`.
///
/// Connections are served on a queue of their own, which does nothing else slow: each call runs where
/// `CallScheduler` puts it (reads beside each other, writes one at a time on the daemon's queue), so one user's long
/// report, large import or flood of calls never keeps another user waiting for more than the calls already running.
///
/// The caller is identified by `SO_PEERCRED`; their role follows from their groups. A refused call is answered with
/// `io.inspectd.PermissionDenied` at once, without running anything, and reported (`RefusalTally`).
final class APIServer {
    /// The largest call of a reader or an inspector: a finding's note is at most 2,000 characters.
    static let maxMessageSize = 64 << 10
    /// The largest call of an administrator: an import's CSV text (`InputLimits.csvBytes`), escaped as JSON.
    static let privilegedMaxMessageSize = 160 << 20
    /// Connections one user may hold open; past it, the user's new connections are accepted and closed at once.
    static let maxConnectionsPerUser = 64
    /// Connections open at once, all users together: each holds a descriptor, and the unit's `LimitNOFILE=4096`
    /// leaves room for them and for ``reservedDescriptors``.
    static let maxConnections = 1024
    /// Descriptors kept for everything but connections: the database and its readers (file, `-wal`, `-shm` each),
    /// the journal, the notify and nudge sockets, the listening socket, Dispatch's own.
    static let reservedDescriptors = 128

    /// The connections the daemon accepts at once when it may open `descriptorLimit` descriptors (the soft
    /// `RLIMIT_NOFILE`): ``maxConnections``, or fewer when the limit would not leave ``reservedDescriptors`` beside
    /// them (started by hand with the usual soft limit of 1,024, it accepts 896), and always a few.
    static func connectionLimit(descriptorLimit: Int) -> Int {
        max(maxConnectionsPerUser, min(maxConnections, descriptorLimit - reservedDescriptors))
    }

    /// ``connectionLimit(descriptorLimit:)`` for this process's soft `RLIMIT_NOFILE`.
    static var connectionLimit: Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return maxConnections }
        // RLIM_INFINITY is the largest value, which clamps to Int.max.
        return connectionLimit(descriptorLimit: Int(clamping: limit.rlim_cur))
    }

    /// What the server needs from the daemon. Each runs where the call runs, and hops to the daemon's queue itself
    /// where it must.
    struct Hooks: Sendable {
        /// The service as it is now (it changes on reload).
        var service: @Sendable () -> InspectService
        /// A write failed because the database cannot be written.
        var storageFailed: @Sendable (InspectError) -> Void
        /// A call changed the record (called on the daemon's queue, where writes run).
        var wrote: @Sendable () -> Void
        /// Refused calls to report.
        var report: @Sendable ([Event]) -> Void
        /// The monotonic clock in seconds (`DaemonClock.uptime`), for the refusals' intervals.
        var uptime: @Sendable () -> Int64
        /// How long refusals are counted before they are reported together (`RefusalTally`), in seconds.
        var refusalInterval: Int64 = RefusalTally.defaultInterval
    }

    let queue: DispatchQueue
    /// Connections accepted at once, all users together (``connectionLimit``), for the log.
    var connectionCap: Int { server.configuration.maxConnections }
    private let server: VarlinkServer
    private let scheduler: CallScheduler
    private let hooks: Hooks
    private var refusals: RefusalTally
    private var refusalTimer: DispatchSourceTimer?

    /// - Parameters:
    ///   - queue: Where connections are served (not the daemon's queue).
    ///   - writer: Where writes run: the daemon's queue.
    init(queue: DispatchQueue, writer: DispatchQueue, hooks: Hooks) throws {
        self.queue = queue
        self.hooks = hooks
        refusals = RefusalTally(interval: hooks.refusalInterval)
        scheduler = CallScheduler(queue: queue, writer: writer)
        server = VarlinkServer(
            info: .init(
                vendor: "inspectd", product: "inspectd", version: DaemonCommand.configuration.version,
                url: "https://github.com/inspectd/inspectd"),
            queue: queue,
            configuration: .init(
                maxMessageSize: Self.maxMessageSize, privilegedMaxMessageSize: Self.privilegedMaxMessageSize,
                isPrivileged: { Caller(peer: $0).role == .admin }, maxConnections: Self.connectionLimit,
                maxConnectionsPerUser: Self.maxConnectionsPerUser,
                oversizeError: { limit in
                    InspectError.invalidInput(
                        "a call may be at most \(limit >> 10) KiB (\(Self.privilegedMaxMessageSize >> 20) MiB for "
                            + "an administrator's import)"
                    ).varlinkError
                }))
        var interface = try VarlinkInterface(description: InterfaceDescription.text)
        for operation in Operations.all { register(operation, in: &interface) }
        try queue.sync { try server.register(interface) }
    }

    /// Listens on the socket systemd passed (socket activation), or else on `path`.
    /// - Returns: where it listens, for the log.
    func start(path: String) throws -> String {
        try queue.sync {
            if let passed = try SocketActivation.inheritedSockets().first {
                try server.adopt(listeningDescriptor: passed.descriptor)
                return "the socket passed by systemd (\(passed.name))"
            }
            try server.listen(path: path)
            return path
        }
    }

    /// Stops serving; returns the refusals counted and not yet reported, for the daemon to report before it exits.
    func stop() -> [Event] {
        queue.sync {
            server.stop()
            refusalTimer?.cancel()
            refusalTimer = nil
            return refusals.flush()
        }
    }

    private func register<Op: APIOperation>(_ operation: Op.Type, in interface: inout VarlinkInterface) {
        interface.deferredMethod(Op.name) {
            [unowned self]
            (parameters: Op.Parameters, peer, answer: @escaping @Sendable (Result<Op.Reply, any Error>) -> Void) in
            let caller = Caller(peer: peer)
            do {
                try Op.requireRole(of: caller)
            } catch let error as InspectError {
                refused(caller, method: Op.name, error)
                return answer(.failure(error))
            } catch {
                return answer(.failure(error))
            }
            let hooks = hooks
            scheduler.submit(
                .init(user: peer.uid, writes: Op.writes) {
                    do {
                        let reply = try Op.authorizedPerform(hooks.service(), as: caller, parameters)
                        if Op.writes { hooks.wrote() }
                        answer(.success(reply))
                    } catch let error as InspectError {
                        switch error {
                        case .storage, .cannotCreate: hooks.storageFailed(error)
                        default: break
                        }
                        answer(.failure(error))
                    } catch {
                        answer(.failure(error))
                    }
                })
        }
    }

    /// Counts a refusal; reports the first of the interval at once, the rest when the interval ends.
    private func refused(_ caller: Caller, method: String, _ error: InspectError) {
        if let event = refusals.refused(caller, method: method, error: error, at: hooks.uptime()) {
            hooks.report([event])
        }
        armRefusalReport()
    }

    /// Arms a timer for the end of the earliest interval being counted, on the monotonic clock. (A wall-clock
    /// deadline never came while the wall clock stood still, as under `faketime`, and the handler, finding no
    /// interval ended, re-armed it for the same instant at once, spinning; a clock set back would have held the
    /// report back as long.) It fires a second after the interval's end, so that the end has passed on the clock
    /// the tally reads in whole seconds.
    private func armRefusalReport() {
        guard refusalTimer == nil, let due = refusals.nextReport else { return }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let delay = max(due - hooks.uptime(), 0) + 1
        timer.schedule(deadline: .now() + .seconds(Int(delay)))
        timer.setEventHandler { [unowned self] in
            refusalTimer?.cancel()
            refusalTimer = nil
            let events = refusals.report(at: hooks.uptime())
            if !events.isEmpty { hooks.report(events) }
            armRefusalReport()
        }
        timer.resume()
        refusalTimer = timer
    }
}

extension Caller {
    /// The caller a connection's credentials name.
    init(peer: VarlinkCaller) {
        self.init(
            user: peer.userName ?? "uid-\(peer.uid)", role: Role.of(userID: peer.uid, groups: peer.groupNames))
    }
}

extension InspectError: VarlinkErrorConvertible {
    public var varlinkError: VarlinkError {
        (try? VarlinkError("\(InterfaceDescription.name).\(wireName)", encoding: wireParameters))
            ?? VarlinkError("\(InterfaceDescription.name).InternalError")
    }
}
