import CMalloc
import Dispatch
import Foundation
import InspectCore
import InspectService
import InspectStore
import InspectSystemd
import Logging

/// The running service: its loop on one serial queue, which owns its state and does every write of the loop and of
/// the API; the API's connections, its reads and the watchdog on others, so a long write keeps none of them waiting.
///
/// It sleeps until the next instant on the agenda (an inspection falling due or missed, a corrective action
/// becoming overdue, plans to apply; no polling), wakes, asks the pure `SchedulerState` what to do, does it, and
/// re-arms. Every wake-up reads the agenda afresh from the database, so what the CLI changed in the meantime is seen.
/// The time comes from a `DaemonClock` and the one timer is a `WakeTimer`, so tests drive the loop's decisions with
/// a hand-set clock instead of sleeping; each retry is a small value type (`JournalBackoff`, `FaultRetry`,
/// `HeapTrim`).
///
/// - Important: Every member is used on `queue` only; the API's hooks hop there. Dispatch handlers are formed
///   inside methods of this class: closures written in top-level code are main-actor code and trap when they run on
///   another queue.
public final class Daemon: @unchecked Sendable {
    /// What the daemon needs to know before it starts.
    public struct Settings: Sendable {
        public var databasePath: String
        /// The configuration file and whether it was named explicitly (then it must exist), for reloads.
        public var configPath: String
        public var configExplicit: Bool
        /// Where the Varlink API listens, unless systemd passes a socket.
        public var socketPath: String
        /// How long a user's refused calls are counted before they are reported together, in seconds (a minute;
        /// tests shorten it with `INSPECTD_REFUSAL_INTERVAL`).
        public var refusalInterval: Int64

        public init(
            databasePath: String, configPath: String, configExplicit: Bool, socketPath: String,
            refusalInterval: Int64 = 60
        ) {
            self.databasePath = databasePath
            self.configPath = configPath
            self.configExplicit = configExplicit
            self.socketPath = socketPath
            self.refusalInterval = refusalInterval
        }
    }

    /// How often delivered events are pruned from the outbox, and how long they are kept: `status` shows the latest
    /// from there, the journal keeps them all.
    static let pruneInterval: Int64 = 600
    static let keepDelivered: Int64 = 86400

    private let queue = DispatchQueue(label: "inspectd")
    /// The API's connections and the watchdog: never held by a write.
    private let io = DispatchQueue(label: "inspectd.api")
    private let settings: Settings
    private let notifier: any ServiceNotifier
    private let logger: Logger
    private let clock: DaemonClock
    private var database: InspectDatabase
    private let services: ServiceBox
    private let sink: any EventSink
    /// Why the database was opened for reading only at start (a read-only mount, lost permissions), until it can be
    /// opened for writing again.
    private var writeFault: InspectError?
    private let caller = Caller(user: "inspectd", role: .admin)
    private var scheduler = SchedulerState()
    private var generator = SystemRandomness()
    private let timer: any WakeTimer
    private var watchdog: DispatchSourceTimer?
    private var sources: [any DispatchSourceProtocol] = []
    private var nudges: NudgeListener?
    private var api: APIServer?
    private var lastDataVersion: Int?
    private var journal = JournalBackoff()
    private var fault = FaultRetry()
    /// When the plans were last applied (start, reload, or the planning instant that followed).
    private var plansAppliedAt: Instant?
    private var trim = HeapTrim()
    private var prunedAt: Instant?
    /// Sends the record to the center, when `[Uplink]` says where; and what `STATUS=` says of it.
    private var uplink: UplinkLoop?
    private var uplinkStatus: String?

    private var service: InspectService {
        get { services.service }
        set { services.service = newValue }
    }

    /// Opens and migrates the database; nothing is sent to systemd yet. A database that exists but cannot be written
    /// (a read-only mount, lost permissions) is opened for reading: the daemon then starts with a storage fault,
    /// serves reads, and opens it for writing once it can.
    /// - Parameters:
    ///   - clock: Where the time comes from; tests pass a hand-set one.
    ///   - timer: The loop's timer; by default a Dispatch wall-clock timer on the daemon's queue.
    /// - Throws: `InspectError` when the database cannot be opened at all, or is damaged.
    public init(
        settings: Settings, configuration: InspectConfiguration, notifier: any ServiceNotifier, sink: any EventSink,
        logger: Logger, clock: DaemonClock = .system, timer: (any WakeTimer)? = nil
    ) throws {
        self.settings = settings
        self.notifier = notifier
        self.logger = logger
        self.sink = sink
        self.clock = clock
        self.timer = timer ?? DispatchWakeTimer(queue: queue)
        do {
            database = try InspectDatabase.open(path: settings.databasePath, mode: .readWrite)
        } catch let error as InspectError {
            switch error {
            case .cannotCreate, .storage: break
            default: throw error
            }
            guard let readable = try? InspectDatabase.open(path: settings.databasePath, mode: .readOnly) else {
                throw error
            }
            database = readable
            writeFault = error
        }
        // Refuse to run on a damaged record; a corrupt file is reported, never recreated or run on.
        try database.checkIntegrity()
        services = ServiceBox(
            InspectService(
                database: database, policy: ServicePolicy(configuration: configuration), sink: sink,
                program: "inspectd", clock: clock.now))
    }

    // MARK: - Starting and stopping

    /// Sends what the outbox holds, catches up on what fell due while it was down, arms the timer, and — when
    /// `serving` — installs the signal handlers, opens the API socket and the nudge socket, starts the watchdog and
    /// tells systemd it is ready. Returns once ready; the rest happens on the daemon's queues. Tests start it without
    /// serving and drive it with ``fire()``.
    /// - Throws: when the API socket cannot be opened.
    public func start(serving: Bool = true) throws {
        try queue.sync { try startOnQueue(serving: serving) }
    }

    private func startOnQueue(serving: Bool) throws {
        timer.onFire { [unowned self] in self.wake() }
        if serving {
            installSignalHandlers()
            listenForNudges()
            let api = try APIServer(queue: io, writer: queue, hooks: apiHooks())
            let listening = try api.start(path: settings.socketPath)
            self.api = api
            logger.info(
                "serving the API",
                metadata: [
                    "api.socket": "\(listening)", "api.max_connections": "\(api.connectionCap)",
                    "api.max_connections_per_user": "\(APIServer.maxConnectionsPerUser)",
                ])
        }
        if let writeFault { storageFailed(writeFault) }
        record(
            Event(
                kind: .daemonStarted, message: "inspectd started (database \(settings.databasePath))",
                fields: ["DATABASE": settings.databasePath]))
        flushOutbox()
        applyPlans()
        wake()
        if serving {
            startUplink()
            startWatchdog()
            notifier.ready(status: statusLine())
        }
        logger.info("ready", metadata: ["database.path": "\(settings.databasePath)"])
    }

    /// What the API needs of the daemon; each hook hops to the daemon's queue where it touches its state.
    private func apiHooks() -> APIServer.Hooks {
        let services = services
        return APIServer.Hooks(
            service: { services.service },
            storageFailed: { [self] error in queue.async { self.storageFailed(error) } },
            wrote: { [self] in
                dispatchPrecondition(condition: .onQueue(queue))
                wake()
            },
            report: { [self] events in
                queue.async {
                    for event in events { self.record(event) }
                    self.flushOutbox()
                }
            },
            uptime: clock.uptime, refusalInterval: settings.refusalInterval)
    }

    private func installSignalHandlers() {
        for signalNumber in [SIGTERM, SIGINT] {
            onSignal(signalNumber) { [unowned self] in self.stop(signal: signalNumber) }
        }
        onSignal(SIGHUP) { [unowned self] in self.reload() }
        if ProcessInfo.processInfo.environment["INSPECTD_DEBUG_WATCHDOG_STALL"] == "1" {
            // For testing the watchdog only: SIGUSR2 blocks the watchdog's queue, so the pings stop and systemd
            // steps in.
            onSignal(SIGUSR2) { [unowned self] in
                self.logger.warning("stalling the event loop on SIGUSR2 (INSPECTD_DEBUG_WATCHDOG_STALL=1)")
                self.io.async { while true { sleep(3600) } }
            }
        }
    }

    /// Reports the refusals still being counted and the stop, sends what is left in the outbox, tells systemd, and
    /// exits 0. Work on the queue is done one item at a time, so the current transaction has finished when this runs.
    private func stop(signal signalNumber: Int32) {
        notifier.stopping()
        for event in api?.stop() ?? [] { record(event) }
        record(
            Event(
                kind: .daemonStopping, message: "inspectd stopping on signal \(signalNumber)",
                fields: ["SIGNAL": String(signalNumber)]))
        flushOutbox()
        logger.info("stopped")
        exit(ExitStatus.success.rawValue)
    }

    // MARK: - Reloading

    /// Reads the configuration again (hours, holidays, plans). An invalid file keeps the running configuration and
    /// is reported with its file and line.
    private func reload() {
        notifier.reloading()
        do {
            let configuration = try ConfigLoader.load(path: settings.configPath, explicit: settings.configExplicit)
            service.policy = ServicePolicy(configuration: configuration)
            DaemonLogHandler.zone.withLock { $0 = configuration.calendar.zone }
            if uplink != nil || configuration.uplink != nil { startUplink() }
            record(
                Event(
                    kind: .daemonReloaded, message: "inspectd reloaded its configuration from \(settings.configPath)",
                    fields: ["CONFIG": settings.configPath]))
            applyPlans()
            wake()
        } catch {
            logger.error("reload failed; keeping the running configuration", metadata: ["error": "\(error)"])
            record(
                Event(
                    kind: .configInvalid,
                    message: "Configuration not reloaded, the running one stays: \(error)",
                    fields: ["CONFIG": settings.configPath, "ERROR": "\(error)"]))
            flushOutbox()
        }
        notifier.ready(status: statusLine())
    }

    // MARK: - The loop

    /// Fires the loop's timer by hand, as tests do once they have set the clock.
    func fire() {
        queue.sync { wake() }
    }

    /// Reads the agenda, does what the scheduler says, and re-arms the timer for the next instant.
    private func wake() {
        uplink?.nudge()
        do {
            lastDataVersion = try service.dataVersion()
            if fault.isFaulted {
                if writeFault != nil { try reopenForWriting() }
                // Reads may work while writes do not (a full or read-only file system): only a write says it is over.
                try database.probeWrite()
            }
            var changed = true
            // A second pass arms with the agenda the first pass changed; it marks nothing again.
            while changed {
                changed = false
                var agenda = try service.agenda(plansAppliedAt: plansAppliedAt)
                agenda.retryJournal = journal.retryAt
                for action in scheduler.wake(at: clock.now(), monotonic: clock.uptime(), agenda: agenda) {
                    changed = try perform(action) || changed
                }
            }
            if fault.recovered() {
                logger.notice("the database works again")
                record(
                    Event(
                        kind: .storageRecovered, message: "inspectd writes its database again",
                        fields: ["DATABASE": settings.databasePath]))
                flushOutbox()
            }
        } catch {
            storageFailed(error)
        }
        notifier.status(statusLine())
        if trim.due(at: clock.now()) { malloc_trim(0) }
    }

    /// The database cannot be written (full or read-only file system, lost permissions): says so once in the journal
    /// (straight to it, as the outbox is in the database) and in `STATUS=`, keeps serving reads, and tries again in
    /// `FaultRetry.interval` seconds, or sooner when a call writes.
    private func storageFailed(_ error: any Error) {
        if fault.failed(at: clock.now()) {
            logger.error("cannot write the database; trying again", metadata: ["error": "\(error)"])
            _ = service.sender.sink.deliver(
                Event(
                    kind: .storageFault, message: "inspectd cannot write its database: \(error)",
                    fields: ["DATABASE": settings.databasePath, "ERROR": "\(error)"]),
                eventID: nil)
        }
        if let retry = fault.retryAt { timer.arm(retry) }
        notifier.status(statusLine())
    }

    /// Opens the database for writing, now that it may be, in place of the read-only one the daemon started with.
    private func reopenForWriting() throws {
        let writable = try InspectDatabase.open(path: settings.databasePath, mode: .readWrite)
        database = writable
        service = InspectService(
            database: writable, policy: service.policy, sink: sink, program: "inspectd", clock: clock.now)
        writeFault = nil
        logger.notice("the database can be written again; opened for writing")
        // On a read-only mount the nudge socket beside the database could not be made either.
        if nudges == nil && api != nil { listenForNudges() }
    }

    private func listenForNudges() {
        nudges = NudgeListener(databasePath: settings.databasePath, queue: queue, logger: logger) { [unowned self] in
            self.nudged()
        }
    }

    /// Does one action; returns whether it changed the agenda.
    private func perform(_ action: SchedulerAction) throws -> Bool {
        switch action {
        case .markDue(let id):
            try service.markDue(id: id)
            return true
        case .markMissed(let id):
            try service.markMissed(id: id)
            return true
        case .markOverdue(let id):
            try service.markActionOverdue(id: id)
            return true
        case .applyPlans:
            applyPlans()
            return true
        case .retryJournal:
            // A refused retry moves the next one: the agenda is read again to arm for it.
            flushOutbox()
            return true
        case .clockJumped(let seconds):
            logger.warning("the wall clock jumped; catching up once", metadata: ["clock.jump_seconds": "\(seconds)"])
            return false
        case .arm(let instant):
            timer.arm(instant)
            return false
        }
    }

    /// The CLI changed the database: look again if it really did, and send the events a CLI that stopped before
    /// sending them left in the outbox (a CLI still sending its own keeps its claim).
    private func nudged() {
        guard let version = try? service.dataVersion(), version != lastDataVersion else { return }
        wake()
        if let pending = try? database.readTransaction({ try Outbox.pendingCount($0) }), pending > 0 {
            flushOutbox()
        }
    }

    private func applyPlans() {
        plansAppliedAt = clock.now()
        do {
            let report = try service.applyPlans(by: caller, using: &generator)
            for failure in report.failed {
                logger.error("a plan could not be applied", metadata: ["plan": "\(failure)"])
            }
        } catch {
            logger.error("cannot apply the plans", metadata: ["error": "\(error)"])
        }
        flushOutbox()
    }

    // MARK: - The journal

    /// Stores a daemon event in the outbox, so it reaches the journal even if sending now fails.
    private func record(_ event: Event) {
        do {
            try database.writeTransaction { db in _ = try Outbox.enqueue(db, event, at: clock.now(), claimant: nil) }
        } catch {
            logger.error(
                "cannot record event", metadata: ["event.kind": "\(event.kind.rawValue)", "error": "\(error)"])
        }
    }

    /// Sends every pending event; while the journal refuses them, tries again later, backing off. Delivered events
    /// older than a day are pruned now and then: the journal keeps them, the outbox need not.
    private func flushOutbox() {
        do {
            let report = try service.sender.flushPending()
            if report.recognised > 0 {
                logger.notice(
                    "events of a stopped process were already in the journal; marked sent, not sent again",
                    metadata: ["outbox.recognised": "\(report.recognised)"])
            }
            if report.fellBack > 0 {
                let first = journal.retryAt == nil
                journal.refused(at: clock.now())
                if first {
                    logger.warning(
                        "journal unavailable; events kept in the outbox",
                        metadata: ["outbox.fell_back": "\(report.fellBack)", "retry.seconds": "\(journal.delay)"])
                }
            } else {
                journal.delivered()
                pruneDelivered()
            }
        } catch {
            logger.error("cannot send the outbox", metadata: ["error": "\(error)"])
        }
    }

    private func pruneDelivered() {
        let now = clock.now()
        if let prunedAt, abs(now.seconds - prunedAt.seconds) < Self.pruneInterval { return }
        prunedAt = now
        do {
            try database.writeTransactionUnflushed { db in
                try Outbox.prune(db, sentBefore: now.adding(seconds: -Self.keepDelivered))
            }
        } catch {
            logger.error("cannot prune the outbox", metadata: ["error": "\(error)"])
        }
    }

    // MARK: - systemd

    private func statusLine() -> String {
        var line = (try? service.statusLine()) ?? "database unavailable"
        if let uplinkStatus { line += "; " + uplinkStatus }
        return fault.isFaulted ? "database fault, retrying; " + line : line
    }

    // MARK: - The uplink

    /// Starts sending to the center as `[Uplink]` says, in place of the uplink that ran before (a reload).
    private func startUplink() {
        uplink?.stop()
        uplink = nil
        uplinkStatus = nil
        guard let settings = service.policy.configuration.uplink else { return }
        let services = services
        let report: @Sendable ([Event], String?) -> Void = { [self] events, status in
            queue.async {
                for event in events { self.record(event) }
                if !events.isEmpty { self.flushOutbox() }
                if status != self.uplinkStatus {
                    self.uplinkStatus = status
                    self.notifier.status(self.statusLine())
                }
            }
        }
        let loop = UplinkLoop(
            settings: settings, database: database, clock: clock.now, service: { services.service }, logger: logger,
            report: report)
        uplink = loop
        loop.start()
        logger.info("sending the record to the center", metadata: ["uplink.url": "\(settings.url)"])
    }

    /// Pings the watchdog from the API's queue: it answers the users, so it must not stall; the loop's long writes
    /// do not hold it.
    private func startWatchdog() {
        guard let interval = notifier.watchdogInterval else { return }
        let source = DispatchSource.makeTimerSource(queue: io)
        source.schedule(deadline: .now(), repeating: .nanoseconds(Int(interval / .nanoseconds(1))))
        let notifier = notifier
        source.setEventHandler { notifier.watchdogPing() }
        source.resume()
        watchdog = source
    }

    private func onSignal(_ signalNumber: Int32, _ handler: @escaping () -> Void) {
        // The default action would act before the source runs.
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
        source.setEventHandler(handler: handler)
        source.resume()
        sources.append(source)
    }
}
