import Dispatch
import Foundation
import InspectCentral
import InspectCore
import InspectService
import InspectStore
import Logging
import Synchronization

/// Sends the record to the center while the daemon runs (`[Uplink]`): a round every `IntervalSec=`, or as soon as
/// the daemon has written or been nudged. It runs on a task of its own and only reads the record (WAL), so the
/// daemon's writes never wait for the center; a center that cannot be reached only delays the next round. Each
/// change of health goes to the daemon (``report``), which journals it on its queue and shows it in `STATUS=`.
final class UplinkLoop: Sendable {
    private let settings: UplinkSettings
    private let uplink: Uplink?
    /// Why the uplink cannot run at all (a bad URL, an unreadable password), said at every round.
    private let setupError: String?
    private let service: @Sendable () -> InspectService
    private let report: @Sendable ([Event], String?) -> Void
    private let logger: Logger
    private let wakeup = Wakeup()
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(
        settings: UplinkSettings, database: InspectDatabase, clock: @escaping @Sendable () -> Instant,
        service: @escaping @Sendable () -> InspectService, logger: Logger,
        report: @escaping @Sendable ([Event], String?) -> Void
    ) {
        self.settings = settings
        self.service = service
        self.report = report
        self.logger = logger
        do {
            let password = try settings.password(
                credentialsDirectory: ProcessInfo.processInfo.environment["CREDENTIALS_DIRECTORY"])
            uplink = Uplink(
                database: database, url: try CentralURL(settings.url), password: password,
                batchSize: settings.batchSize, clock: clock)
            setupError = nil
        } catch {
            uplink = nil
            setupError = "\(error)"
        }
    }

    func start() {
        let task = Task.detached { [self] in await self.run() }
        self.task.withLock { $0 = task }
    }

    /// Something was written: send it now rather than at the next interval.
    func nudge() { wakeup.signal() }

    func stop() {
        task.withLock { $0?.cancel() }
        wakeup.signal()
    }

    private func run() async {
        var health = UplinkHealth()
        /// The failure last logged: a center that stays down is logged once, not at every round.
        var logged: String?
        while !Task.isCancelled {
            var round = UplinkHealth.Round(waiting: 0, oldest: nil, sent: 0, error: setupError, diverged: nil)
            if let uplink {
                do {
                    let outcome = try await uplink.drain()
                    round.sent = outcome.facts
                    round.diverged = outcome.diverged
                } catch {
                    round.error = "\(error)"
                    if round.error != logged {
                        logger.warning("the uplink failed; trying again", metadata: ["error": "\(error)"])
                    }
                }
                logged = round.error
            }
            let current = service()
            if let status = try? current.uplinkStatus() {
                round.waiting = status.backlog.rows
                round.oldest = status.backlog.oldest
                round.diverged = round.diverged ?? status.state.diverged
            }
            let events = health.observe(
                round, now: current.clock(), behindAfter: settings.behindAfter, zone: current.policy.zone)
            report(events, health.status)
            await wakeup.wait(seconds: settings.interval)
        }
    }
}

/// Wakes a waiting task at the end of an interval or when signalled, whichever comes first; a signal that comes
/// while nobody waits ends the next wait at once.
private final class Wakeup: Sendable {
    private struct State {
        var waiting: CheckedContinuation<Void, Never>?
        var generation = 0
        var signalled = false
    }
    private let state = Mutex(State())

    func wait(seconds: Int) async {
        await withCheckedContinuation { continuation in
            let generation: Int? = state.withLock { state in
                if state.signalled {
                    state.signalled = false
                    return nil
                }
                state.generation += 1
                state.waiting = continuation
                return state.generation
            }
            guard let generation else { return continuation.resume() }
            DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(seconds)) { [self] in
                resume(if: generation)
            }
        }
    }

    func signal() {
        let waiting = state.withLock { state in
            guard let waiting = state.waiting else {
                state.signalled = true
                return CheckedContinuation<Void, Never>?.none
            }
            state.waiting = nil
            return waiting
        }
        waiting?.resume()
    }

    private func resume(if generation: Int) {
        let waiting = state.withLock { state in
            guard state.generation == generation, let waiting = state.waiting else {
                return CheckedContinuation<Void, Never>?.none
            }
            state.waiting = nil
            return waiting
        }
        waiting?.resume()
    }
}
