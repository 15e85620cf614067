import CMalloc
import Dispatch
import Foundation
import InspectCore
import InspectService
import InspectStore
import InspectSystemd
import Logging

/// The running service: one serial queue owns all its state; the timer, the signals, the watchdog and the CLI's
/// nudges arrive as Dispatch sources on that queue.
///
/// It sleeps until the next instant on the agenda (an inspection falling due or missed, a corrective action
/// becoming overdue, plans to apply; no polling), wakes, asks the pure `SchedulerState` what to do, does it, and
/// re-arms. Every wake-up reads the agenda afresh from the database, so what the CLI changed in the
/// meantime is seen.
///
/// - Important: Every member is used on `queue` only. Dispatch handlers are formed inside methods of this class:
///   closures written in top-level code are main-actor code and trap when they run on another queue.
public final class Daemon {
    /// What the daemon needs to know before it starts.
    public struct Settings: Sendable {
        public var databasePath: String
        /// The configuration file and whether it was named explicitly (then it must exist), for reloads.
        public var configPath: String
        public var configExplicit: Bool
        /// Where the Varlink API listens, unless systemd passes a socket.
        public var socketPath: String

        public init(databasePath: String, configPath: String, configExplicit: Bool, socketPath: String) {
            self.databasePath = databasePath
            self.configPath = configPath
            self.configExplicit = configExplicit
            self.socketPath = socketPath
        }
    }

    /// How long to wait before sending events again when the journal did not take them, at first and at most.
    static let journalRetry: (first: Int64, longest: Int64) = (15, 300)
    /// How long to wait before trying again after the database failed (disk full, locked, read-only).
    static let faultRetry: Int64 = 30

    private let queue = DispatchQueue(label: "inspectd")
    private let settings: Settings
    private let notifier: any ServiceNotifier
    private let logger: Logger
    private var database: InspectDatabase
    private var service: InspectService
    private let sink: any EventSink
    /// Why the database was opened for reading only at start (a read-only mount, lost permissions), until it can be
    /// opened for writing again.
    private var writeFault: InspectError?
    private let caller = Caller(user: "inspectd", role: .admin)
    private var scheduler = SchedulerState()
    private var generator = SystemRandomness()
    private var timer: DispatchSourceTimer?
    private var watchdog: DispatchSourceTimer?
    private var sources: [any DispatchSourceProtocol] = []
    private var nudges: NudgeListener?
    private var api: APIServer?
    private var lastDataVersion: Int?
    private var journalRetry: (at: Instant, delay: Int64)?
    private var faultRetryAt: Instant?
    /// When the plans were last applied (start, reload, or the planning instant that followed).
    private var plansAppliedAt: Instant?
    /// When freed heap pages were last given back to the system.
    private var trimmedAt: Instant?

    /// Opens and migrates the database; nothing is sent to systemd yet. A database that exists but cannot be written
    /// (a read-only mount, lost permissions) is opened for reading: the daemon then starts with a storage fault,
    /// serves reads, and opens it for writing once it can.
    /// - Throws: `InspectError` when the database cannot be opened at all, or is damaged.
    public init(
        settings: Settings, configuration: InspectConfiguration, notifier: any ServiceNotifier, sink: any EventSink,
        logger: Logger
    ) throws {
        self.settings = settings
        self.notifier = notifier
        self.logger = logger
        self.sink = sink
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
        service = Self.service(
            database, policy: ServicePolicy(configuration: configuration), sink: sink)
    }

    private static func service(
        _ database: InspectDatabase, policy: ServicePolicy, sink: any EventSink
    )
        -> InspectService
    {
        let clock: @Sendable () -> Instant = { Instant(Date()) }
        return InspectService(
            database: database, policy: policy,
            sender: OutboxSender(database: database, sink: sink, claimant: "inspectd:\(getpid())", clock: clock),
            clock: clock)
    }

    // MARK: - Starting and stopping

    /// Installs the signal handlers and sources, opens the API socket, sends what the outbox holds, catches up on
    /// what fell due while it was down, and tells systemd it is ready. Returns once ready; the rest happens on the
    /// daemon's queue.
    /// - Throws: when the API socket cannot be opened.
    public func start() throws {
        try queue.sync { try startOnQueue() }
    }

    private func startOnQueue() throws {
        for signalNumber in [SIGTERM, SIGINT] {
            onSignal(signalNumber) { [unowned self] in self.stop(signal: signalNumber) }
        }
        onSignal(SIGHUP) { [unowned self] in self.reload() }
        if ProcessInfo.processInfo.environment["INSPECTD_DEBUG_WATCHDOG_STALL"] == "1" {
            // For testing the watchdog only: SIGUSR2 blocks the queue, so the pings stop and systemd steps in.
            onSignal(SIGUSR2) { [unowned self] in
                self.logger.warning("stalling the event loop on SIGUSR2 (INSPECTD_DEBUG_WATCHDOG_STALL=1)")
                while true { sleep(3600) }
            }
        }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler { [unowned self] in self.wake() }
        timer.resume()
        self.timer = timer
        listenForNudges()
        let api = try APIServer(
            queue: queue, service: { [unowned self] in self.service },
            denied: { [unowned self] caller, method, error in self.refused(caller, method: method, error) },
            storageFailed: { [unowned self] error in self.storageFailed(error) },
            wrote: { [unowned self] in self.wake() })
        let listening = try api.start(path: settings.socketPath)
        self.api = api
        logger.info("serving the API", metadata: ["api.socket": "\(listening)"])
        if let writeFault { storageFailed(writeFault) }
        record(
            Event(
                kind: .daemonStarted, message: "inspectd started (database \(settings.databasePath))",
                fields: ["DATABASE": settings.databasePath]))
        flushOutbox()
        applyPlans()
        wake()
        startWatchdog()
        notifier.ready(status: statusLine())
        logger.info("ready", metadata: ["database.path": "\(settings.databasePath)"])
    }

    /// Reports the stop, sends what is left in the outbox, tells systemd, and exits 0. Work on the queue is done one
    /// item at a time, so the current transaction has finished when this runs.
    private func stop(signal signalNumber: Int32) {
        notifier.stopping()
        api?.stop()
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

    /// Reads the agenda, does what the scheduler says, and re-arms the timer for the next instant.
    private func wake() {
        do {
            lastDataVersion = try service.dataVersion()
            if faultRetryAt != nil {
                if writeFault != nil { try reopenForWriting() }
                // Reads may work while writes do not (a full or read-only file system): only a write says it is over.
                try database.write { db in try db.execute(sql: "UPDATE ledger_head SET count = count") }
            }
            var changed = true
            // A second pass arms with the agenda the first pass changed; it marks nothing again.
            while changed {
                changed = false
                var agenda = try service.agenda(plansAppliedAt: plansAppliedAt)
                agenda.retryJournal = journalRetry?.at
                let monotonic = Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000_000)
                for action in scheduler.wake(at: Instant(Date()), monotonic: monotonic, agenda: agenda) {
                    changed = try perform(action) || changed
                }
            }
            if faultRetryAt != nil {
                faultRetryAt = nil
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
        releaseFreeMemory()
    }

    /// Gives the heap pages freed since the last time back to the system, at most once a minute. glibc keeps them
    /// otherwise, and a daemon that runs for months would stay at the size of its busiest moment (the year
    /// simulation's resident memory rose 5 MiB over the year without this, and stays flat with it).
    private func releaseFreeMemory() {
        let now = Instant(Date())
        if let trimmedAt, abs(now.seconds - trimmedAt.seconds) < 60 { return }
        trimmedAt = now
        malloc_trim(0)
    }

    /// The database cannot be written (full or read-only file system, lost permissions): says so once in the journal
    /// (straight to it, as the outbox is in the database) and in `STATUS=`, keeps serving reads, and tries again in
    /// ``faultRetry`` seconds, or sooner when a call writes.
    private func storageFailed(_ error: any Error) {
        if faultRetryAt == nil {
            logger.error("cannot write the database; trying again", metadata: ["error": "\(error)"])
            _ = service.sender.sink.deliver(
                Event(
                    kind: .storageFault, message: "inspectd cannot write its database: \(error)",
                    fields: ["DATABASE": settings.databasePath, "ERROR": "\(error)"]),
                eventID: nil)
        }
        faultRetryAt = Instant(Date()).adding(seconds: Self.faultRetry)
        arm(faultRetryAt!)
        notifier.status(statusLine())
    }

    /// Opens the database for writing, now that it may be, in place of the read-only one the daemon started with.
    private func reopenForWriting() throws {
        let writable = try InspectDatabase.open(path: settings.databasePath, mode: .readWrite)
        database = writable
        service = Self.service(writable, policy: service.policy, sink: sink)
        writeFault = nil
        logger.notice("the database can be written again; opened for writing")
        // On a read-only mount the nudge socket beside the database could not be made either.
        if nudges == nil { listenForNudges() }
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
            flushOutbox()
            return false
        case .clockJumped(let seconds):
            logger.warning("the wall clock jumped; catching up once", metadata: ["clock.jump_seconds": "\(seconds)"])
            return false
        case .arm(let instant):
            arm(instant)
            return false
        }
    }

    private func arm(_ instant: Instant) {
        timer?.schedule(wallDeadline: DispatchWallTime(timespec: timespec(tv_sec: Int(instant.seconds), tv_nsec: 0)))
    }

    /// The CLI changed the database: look again if it really did, and send the events a CLI that stopped before
    /// sending them left in the outbox (a CLI still sending its own keeps its claim).
    private func nudged() {
        guard let version = try? service.dataVersion(), version != lastDataVersion else { return }
        wake()
        if let pending = try? database.read({ try Outbox.pendingCount($0) }), pending > 0 {
            flushOutbox()
        }
    }

    private func applyPlans() {
        plansAppliedAt = Instant(Date())
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

    private func refused(_ caller: Caller, method: String, _ error: InspectError) {
        record(
            Event(
                kind: .accessDenied, message: "\(method) refused for \(caller.user): \(error)",
                fields: ["USER": caller.user, "METHOD": method, "ROLE": caller.role.rawValue]))
        flushOutbox()
    }

    /// Stores a daemon event in the outbox, so it reaches the journal even if sending now fails.
    private func record(_ event: Event) {
        do {
            try database.write { db in _ = try Outbox.enqueue(db, event, at: Instant(Date()), claimant: nil) }
        } catch {
            logger.error(
                "cannot record event", metadata: ["event.kind": "\(event.kind.rawValue)", "error": "\(error)"])
        }
    }

    /// Sends every pending event; while the journal refuses them, tries again later, backing off.
    private func flushOutbox() {
        do {
            let report = try service.sender.flushPending()
            if report.recognised > 0 {
                logger.notice(
                    "events of a stopped process were already in the journal; marked sent, not sent again",
                    metadata: ["outbox.recognised": "\(report.recognised)"])
            }
            if report.fellBack > 0 {
                let delay = min((journalRetry?.delay ?? Self.journalRetry.first / 2) * 2, Self.journalRetry.longest)
                journalRetry = (Instant(Date()).adding(seconds: delay), delay)
                logger.warning(
                    "journal unavailable; events kept in the outbox",
                    metadata: ["outbox.fell_back": "\(report.fellBack)", "retry.seconds": "\(delay)"])
            } else {
                journalRetry = nil
            }
        } catch {
            logger.error("cannot send the outbox", metadata: ["error": "\(error)"])
        }
    }

    // MARK: - systemd

    private func statusLine() -> String {
        let line = (try? service.statusLine()) ?? "database unavailable"
        return faultRetryAt == nil ? line : "database fault, retrying; " + line
    }

    private func startWatchdog() {
        guard let interval = notifier.watchdogInterval else { return }
        let source = DispatchSource.makeTimerSource(queue: queue)
        source.schedule(deadline: .now(), repeating: .nanoseconds(Int(interval / .nanoseconds(1))))
        source.setEventHandler { [unowned self] in self.notifier.watchdogPing() }
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
