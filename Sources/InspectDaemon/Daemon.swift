import Dispatch
import Foundation
import InspectCore
import InspectService
import InspectStore
import InspectSystemd
import Logging

/// The running service: one serial queue owns all its state; signals arrive as Dispatch sources on that queue.
///
/// - Important: Every member is used on `queue` only. Dispatch handlers are formed inside methods of this class:
///   closures written in top-level code are main-actor code and trap when they run on another queue.
public final class Daemon {
    /// What the daemon needs to know before it starts.
    public struct Settings: Sendable {
        public var databasePath: String

        public init(databasePath: String) {
            self.databasePath = databasePath
        }
    }

    private let queue = DispatchQueue(label: "inspectd")
    private let settings: Settings
    private let notifier: any ServiceNotifier
    private let sender: OutboxSender
    private let database: InspectDatabase
    private let logger: Logger
    private var signalSources: [DispatchSourceSignal] = []

    /// Opens and migrates the database; nothing is sent to systemd yet.
    /// - Throws: `InspectError` when the database cannot be opened.
    public init(settings: Settings, notifier: any ServiceNotifier, sink: any EventSink, logger: Logger) throws {
        self.settings = settings
        self.notifier = notifier
        self.logger = logger
        database = try InspectDatabase.open(path: settings.databasePath, mode: .readWrite)
        sender = OutboxSender(
            database: database, sink: sink, claimant: "inspectd:\(getpid())", clock: { Instant(Date()) })
    }

    /// Installs the signal handlers, sends what the outbox holds, reports the start and tells systemd it is ready.
    /// Returns once ready; the work then happens on the daemon's queue until a signal stops it.
    public func start() {
        queue.sync { startOnQueue() }
    }

    private func startOnQueue() {
        for signalNumber in [SIGTERM, SIGINT] {
            // The default action would kill the process before the source runs.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { [unowned self] in self.stop(signal: signalNumber) }
            source.resume()
            signalSources.append(source)
        }
        record(
            Event(
                kind: .daemonStarted, message: "inspectd started (database \(settings.databasePath))",
                fields: ["DATABASE": settings.databasePath]))
        flushOutbox()
        notifier.ready(status: "Ready; database \(settings.databasePath)")
        logger.info("ready", metadata: ["database.path": "\(settings.databasePath)"])
    }

    /// Reports the stop, sends what is left in the outbox and exits 0.
    private func stop(signal signalNumber: Int32) {
        notifier.stopping()
        record(
            Event(
                kind: .daemonStopping, message: "inspectd stopping on signal \(signalNumber)",
                fields: ["SIGNAL": String(signalNumber)]))
        flushOutbox()
        logger.info("stopped")
        exit(ExitStatus.success.rawValue)
    }

    /// Stores a daemon event in the outbox, so it reaches the journal even if sending now fails.
    private func record(_ event: Event) {
        do {
            try database.write { db in _ = try Outbox.enqueue(db, event, at: Instant(Date()), claimant: nil) }
        } catch {
            logger.error("cannot record event", metadata: ["event.kind": "\(event.kind.rawValue)", "error": "\(error)"])
        }
    }

    private func flushOutbox() {
        do {
            let report = try sender.flushPending()
            if report.fellBack > 0 {
                logger.warning(
                    "journal unavailable; events kept in the outbox", metadata: ["outbox.fell_back": "\(report.fellBack)"])
            }
        } catch {
            logger.error("cannot send the outbox", metadata: ["error": "\(error)"])
        }
    }
}
