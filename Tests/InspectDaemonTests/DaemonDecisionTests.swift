import Foundation
import InspectCore
import InspectService
import InspectStore
import InspectTesting
import Logging
import Testing

@testable import InspectDaemon

/// The loop's timer, fired by hand: it remembers what it was armed for.
final class ManualWakeTimer: WakeTimer, @unchecked Sendable {
    private(set) var armed: Instant?
    private var handler: (() -> Void)?

    func onFire(_ handler: @escaping () -> Void) { self.handler = handler }
    func arm(_ instant: Instant) { armed = instant }
}

/// A daemon over a fresh record, on a hand-set clock and a hand-fired timer: its decisions are tested without a
/// process, a socket or a single sleep.
struct DaemonBench {
    let directory = TemporaryDirectory(prefix: "inspectd-loop")
    let clock = TestClock(local: "2027-03-02 08:00")
    let sink: RecordingEventSink
    let timer = ManualWakeTimer()
    let notifier = RecordingNotifier()
    var database: String { directory.file("inspectd.db") }

    init(journal: Delivery = .journaled) throws {
        sink = RecordingEventSink(outcome: journal)
        // The record's registry and schedule, written the way an administrator would.
        let service = try service()
        let admin = Caller(user: "root", role: .admin)
        _ = try service.addOffice(.init(code: "UBND-NHANLY", name: "UBND xã Nhân Lý", kind: .commune), by: admin)
    }

    func service() throws -> InspectService {
        let database = try InspectDatabase.open(path: database, mode: .readWrite)
        return InspectService(
            database: database, policy: ServicePolicy(),
            sender: OutboxSender(database: database, sink: sink, claimant: "test:1", clock: clock.function),
            clock: clock.function)
    }

    /// An inspection due `due` seconds from now, its window closing `window` seconds later; returns its id.
    func schedule(due: Int64, window: Int64) throws -> Int64 {
        let service = try service()
        let id = (try service.listInspections(as: Caller(user: "root", role: .admin)).map(\.id).max() ?? 0) + 1
        let at = { (offset: Int64) in LocalZone.vietnam.iso8601(clock.now.adding(seconds: offset)) }
        _ = try service.importInspections(
            csv: "id,office,kind,status,due_at,window_end\n\(id),UBND-NHANLY,ad-hoc,scheduled,\(at(due)),"
                + "\(at(due + window))\n",
            path: "schedule.csv", findings: nil, by: Caller(user: "root", role: .admin))
        return id
    }

    /// A daemon started on the record, not serving (no socket, no signals, no watchdog).
    func daemon() throws -> Daemon {
        let daemon = try Daemon(
            settings: .init(
                databasePath: database, configPath: directory.file("inspectd.conf"), configExplicit: false,
                socketPath: directory.file("io.inspectd")),
            configuration: .defaults, notifier: notifier, sink: sink,
            logger: Logger(label: "inspectd-test") { _ in SwiftLogNoOpLogHandler() },
            clock: DaemonClock(now: clock.function, uptime: { [clock] in clock.now.seconds }), timer: timer)
        try daemon.start(serving: false)
        return daemon
    }

    /// Moves the clock to `offset` seconds after `start`, and fires the timer as Dispatch would.
    func fire(_ daemon: Daemon, at instant: Instant) {
        clock.set(instant)
        daemon.fire()
    }

    func kinds(_ kinds: Set<EventKind>) -> [EventKind] {
        sink.events.map(\.kind).filter { kinds.contains($0) }
    }

    func status(_ id: Int64) throws -> InspectionStatus? {
        try service().listInspections(as: Caller(user: "root", role: .admin)).first { $0.id == id }?.status
    }
}

@Suite("The daemon's decisions, on a hand-set clock")
struct DaemonDecisionTests {
    @Test("an inspection falls due and is missed at its instants, each reported once, also after a restart")
    func dueThenMissed() throws {
        let bench = try DaemonBench()
        let start = bench.clock.now
        let id = try bench.schedule(due: 100, window: 200)
        let daemon = try bench.daemon()
        #expect(bench.timer.armed == start.adding(seconds: 100))

        bench.fire(daemon, at: start.adding(seconds: 100))
        #expect(try bench.status(id) == .due)
        #expect(bench.timer.armed == start.adding(seconds: 300))

        bench.fire(daemon, at: start.adding(seconds: 300))
        #expect(try bench.status(id) == .missed)
        _ = try bench.daemon()
        #expect(bench.kinds([.inspectionDue, .inspectionMissed]) == [.inspectionDue, .inspectionMissed])
    }

    @Test("an inspection opened before its window closes is not reported missed")
    func openedIsNotMissed() throws {
        let bench = try DaemonBench()
        let start = bench.clock.now
        let id = try bench.schedule(due: 100, window: 200)
        let daemon = try bench.daemon()
        bench.fire(daemon, at: start.adding(seconds: 100))
        bench.clock.set(start.adding(seconds: 150))
        let opened = try bench.service().openInspection(
            office: "UBND-NHANLY", by: Caller(user: "tuan", role: .inspector))
        #expect(opened.id == id)

        bench.fire(daemon, at: start.adding(seconds: 300))

        #expect(try bench.status(id) == .open)
        #expect(bench.kinds([.inspectionMissed]).isEmpty)
    }

    @Test("what fell due while it was down is due or missed once at start; a jump forward catches up once")
    func catchUpAndJump() throws {
        let bench = try DaemonBench()
        let start = bench.clock.now
        let late = try bench.schedule(due: 100, window: 1000)
        let gone = try bench.schedule(due: 200, window: 100)
        let later = try bench.schedule(due: 86400 + 3600, window: 3600)
        bench.clock.set(start.adding(seconds: 600))
        let daemon = try bench.daemon()
        #expect(try bench.status(late) == .due)
        #expect(try bench.status(gone) == .missed)
        #expect(bench.timer.armed == start.adding(seconds: 1100))

        // The wall clock jumps a day and two hours ahead: the skipped span is handled at once.
        bench.fire(daemon, at: start.adding(seconds: 86400 + 7200 + 600))
        #expect(try bench.status(later) == .missed)
        bench.fire(daemon, at: start.adding(seconds: 86400 + 7200 + 600))
        #expect(bench.kinds([.inspectionDue, .inspectionMissed]).count == 4)
    }

    @Test("while the journal refuses events the daemon tries again after 15 s, then 30 s, then sends them once")
    func journalBackoff() throws {
        let bench = try DaemonBench(journal: .fellBack(reason: "no journald"))
        let start = bench.clock.now
        let daemon = try bench.daemon()
        #expect(bench.timer.armed == start.adding(seconds: 15))
        bench.fire(daemon, at: start.adding(seconds: 15))
        #expect(bench.timer.armed == start.adding(seconds: 45))

        bench.sink.outcome = .journaled
        bench.fire(daemon, at: start.adding(seconds: 45))

        let journaled = bench.sink.records.filter { $0.outcome == .journaled }
        #expect(journaled.filter { $0.event.kind == .daemonStarted }.count == 1)
        #expect(Set(journaled.compactMap(\.eventID)).count == journaled.count)
    }
}

@Suite("The daemon's retries and counters, as values")
struct DaemonTimingTests {
    let now = Instant(seconds: 1_800_000_000)

    @Test("the journal backoff doubles from 15 s to 5 min and starts again after a success")
    func journalBackoff() {
        var backoff = JournalBackoff()
        var delays: [Int64] = []
        for _ in 0..<7 {
            backoff.refused(at: backoff.retryAt ?? now)
            // Refused again before the retry is due: the wait stays as it is.
            backoff.refused(at: backoff.retryAt!.adding(seconds: -1))
            delays.append(backoff.delay)
        }
        #expect(delays == [15, 30, 60, 120, 240, 300, 300])
        backoff.delivered()
        #expect(backoff.retryAt == nil)
        backoff.refused(at: now)
        #expect(backoff.retryAt == now.adding(seconds: 15))
    }

    @Test("a storage fault is new once, retried every 30 s, and ends once")
    func faultRetry() {
        var fault = FaultRetry()
        let new = [fault.failed(at: now), fault.failed(at: now.adding(seconds: 30))]
        #expect(new == [true, false])
        #expect(fault.retryAt == now.adding(seconds: 60))
        let ended = [fault.recovered(), fault.recovered()]
        #expect(ended == [true, false])
    }

    @Test("freed heap pages are given back at most once a minute, whichever way the clock moves")
    func heapTrim() {
        var trim = HeapTrim()
        let answers = [0, 59, -59, 60].map { trim.due(at: now.adding(seconds: $0)) }
        #expect(answers == [true, false, false, true])
    }

    @Test("the connections accepted at once leave descriptors for the daemon's own under the unit's LimitNOFILE")
    func connectionLimit() {
        // The unit's LimitNOFILE=4096, systemd's default soft limit, a tight one, and none to speak of.
        let limits = [4096, 1024, 300, 20].map { APIServer.connectionLimit(descriptorLimit: $0) }
        #expect(limits == [1024, 896, 172, 64])
        #expect(APIServer.maxConnections + APIServer.reservedDescriptors <= 4096)
        #expect(APIServer.maxConnectionsPerUser < APIServer.maxConnections)
    }

    @Test("a user's first refusal is reported at once, the rest of the minute in one event")
    func refusals() {
        var tally = RefusalTally()
        let bob = Caller(user: "bob", role: .reader)
        let error = InspectError.permissionDenied("no")
        // Seconds of the monotonic clock.
        let uptime: Int64 = 5000
        let first = tally.refused(bob, method: "LogFinding", error: error, at: uptime)
        #expect(first != nil)
        for _ in 0..<9999 { _ = tally.refused(bob, method: "LogFinding", error: error, at: uptime) }
        let counted = tally.refused(bob, method: "ShowStaff", error: error, at: uptime)
        #expect(counted == nil)
        #expect(tally.nextReport == uptime + 60)
        let early = tally.report(at: uptime + 59)
        #expect(early.isEmpty)
        let report = tally.report(at: uptime + 60)
        #expect(report.count == 1)
        #expect(report.first?.fields["COUNT"] == "10000")
        #expect(
            report.first?.message
                == "10000 more calls refused for bob (reader) within a minute: LogFinding ×9999, ShowStaff ×1")
        #expect(tally.nextReport == nil)
    }

    @Test("refusals still being counted are all reported when the daemon stops, each user's in one event")
    func refusalsFlushed() {
        var tally = RefusalTally(interval: 5)
        let error = InspectError.permissionDenied("no")
        let users = [Caller(user: "bob", role: .reader), Caller(user: "an", role: .inspector)]
        for (index, user) in users.enumerated() {
            for second in 0..<4 {
                _ = tally.refused(user, method: "ApplyPlans", error: error, at: Int64(index + second))
            }
        }
        #expect(tally.report(at: 4).isEmpty)
        let flushed = tally.flush()
        #expect(flushed.map { $0.fields["USER"] } == ["an", "bob"])
        #expect(flushed.map { $0.fields["COUNT"] } == ["3", "3"])
        #expect(flushed.first?.message == "3 more calls refused for an (inspector) within 5 seconds: ApplyPlans ×3")
        #expect(tally.nextReport == nil)
        // A user refused once only has nothing more to report.
        _ = tally.refused(users[0], method: "ApplyPlans", error: error, at: 10)
        #expect(tally.flush().isEmpty)
    }
}
