import Foundation
import InspectTesting
import InspectVarlink
import Synchronization
import Testing

/// No client stalls the others (issue 14): while one local user throws everything it may at the socket, another
/// user is still answered and the watchdog is never late.
///
/// The load (`Tests/Scripts/stall_load.py`, run as the reader `nobody`) holds 2,000 idle connections, sends 30
/// unterminated 60 MB messages on connections of their own (again as each is refused), and calls the largest report
/// the API allows — a summary by month and every other breakdown from 1970 to the end of 2099 — again and again, all
/// at once. Meanwhile root, another user, asks `WhoAmI` on a fresh connection every tenth of a second, as
/// `inspectctl whoami` does. The daemon runs with the watchdog on, reporting to a socket the test reads.
///
/// By default the load lasts 20 s on a record of 2,000 inspections and 10,000 findings; `INSPECTD_STALL_FULL=1`
/// (`scripts/stall`) makes it 60 s on 10,000 inspections and 50,000 findings. The figures are printed either way.
@Suite("A user's load stalls no one else", .serialized)
struct StallTests {
    static let python = "/usr/bin/python3"
    static var runnable: Bool {
        (TestUsers.available && FileManager.default.isExecutableFile(atPath: python)) || TestUsers.required
    }
    static let full = ProcessInfo.processInfo.environment["INSPECTD_STALL_FULL"] == "1"

    /// The unit's watchdog is 30 s; a shorter one here makes a late ping show sooner. The daemon pings every half.
    static let watchdog = Duration.seconds(4)
    /// Generous for a shared, noisy machine: a stall is tens of seconds, a busy machine a second or two.
    static let bystanderDeadline = Duration.seconds(10)
    /// The daemon's peak memory: it holds a few hundred kilobytes per connection it accepts, and nothing of what it
    /// refuses.
    static let peakMemoryLimit = 256 << 20
    /// The per-user connection cap (64) for the load and the bystander, plus the daemon's own descriptors.
    static let descriptorLimit = 200
    /// Well below the unit's `TasksMax=256`: the API's work runs on two reader threads and the daemon's queue.
    static let threadLimit = 64

    @Test(
        "another user's WhoAmI is answered and the watchdog is on time while one user holds 2,000 connections, sends 30 unterminated 60 MB messages and runs the largest report",
        .enabled(if: runnable, "\(TestUsers.unavailableReason), and python3"), .timeLimit(.minutes(5)))
    func bystanderIsAnswered() async throws {
        try #require(TestUsers.available, Comment(rawValue: TestUsers.unavailableReason))
        let scale = Self.full ? (inspections: 10_000, seconds: 60) : (inspections: 2_000, seconds: 20)

        // Given a daemon on a record of the sample district with decades of inspections and findings
        let demo = BuiltProducts.repository + "/demo/chi-lang"
        let daemon = try DaemonFixture(config: try String(contentsOfFile: demo + "/inspectd.conf", encoding: .utf8))
        // The load runs as nobody, who must reach the socket.
        chmod(daemon.directory.path, 0o755)
        try StallRecord.build(in: daemon, demo: demo, inspections: scale.inspections)
        try await daemon.start(watchdog: Self.watchdog)
        let pid = try #require(daemon.daemonPID)
        let socket = daemon.directory.file("io.inspectd")

        // When the reader nobody loads the socket, and root asks WhoAmI meanwhile
        // A directory of its own, where it says it has started.
        let loadDirectory = daemon.directory.file("load")
        try FileManager.default.createDirectory(atPath: loadDirectory, withIntermediateDirectories: false)
        chown(loadDirectory, TestUsers.reader.uid, TestUsers.reader.gid)
        let ready = loadDirectory + "/ready"
        let started = ContinuousClock.now
        async let loaded = ProcessRunner.detached(
            "/usr/bin/setpriv",
            TestUsers.reader.setprivArguments + [
                Self.python, BuiltProducts.repository + "/Tests/Scripts/stall_load.py", socket, "--hold", "2000",
                "--floods", "30", "--flood-bytes", "60000000", "--duration", "\(scale.seconds)", "--ready", ready,
            ])
        let bystander = Bystander(socket: socket, daemon: pid)
        async let measured = bystander.run(after: ready)
        let load = try await loaded
        let finished = ContinuousClock.now
        bystander.stop()
        let calls = await measured
        let peakMemory = try Self.peakMemory(of: pid)

        // Then the load ran as meant: the report was answered, the floods refused, the idle connections cut short
        try #require(load.status == 0, "stall_load.py: \(load.stderr)")
        let figures = try JSONSerialization.jsonObject(with: Data(load.stdout.utf8)) as? [String: Any] ?? [:]
        let report = figures["report"] as? [String: Any] ?? [:]
        let flood = figures["flood"] as? [String: Any] ?? [:]
        let hold = figures["hold"] as? [String: Any] ?? [:]
        #expect((report["outcomes"] as? [String: Int])?["answered", default: 0] ?? 0 > 0, "\(report)")
        #expect(flood["largestTaken"] as? Int ?? .max < 60_000_000, "a reader's 60 MB message was taken: \(flood)")
        #expect(hold["closedByDaemon"] as? Int ?? 0 > 0, "\(hold)")

        // And the bystander was answered every time, in time
        let results = calls.results
        let latencies = results.compactMap { try? $0.get() }
        let failures = results.compactMap { if case .failure(let error) = $0 { "\(error)" } else { nil } }
        let worst = latencies.max() ?? .zero
        #expect(latencies.count > 10, "only \(latencies.count) WhoAmI answered")
        #expect(failures.isEmpty, "WhoAmI failed \(failures.count) times: \(Set(failures))")
        #expect(worst < Self.bystanderDeadline, "WhoAmI took \(worst)")

        // And the watchdog was pinged in time throughout
        let pings = daemon.harness.arrivals(of: "WATCHDOG=1").filter { $0 >= started }
        let gaps = zip(pings, pings.dropFirst()).map { $1 - $0 }
        let largestGap = (gaps + [started.duration(to: pings.first ?? finished)]).max() ?? .zero
        #expect(pings.count >= 2)
        #expect(largestGap < Self.watchdog, "the watchdog went \(largestGap) without a ping")
        // And the daemon's memory and descriptors stayed bounded
        #expect(peakMemory < Self.peakMemoryLimit, "peak RSS \(peakMemory >> 20) MiB")
        #expect(calls.peakDescriptors < Self.descriptorLimit, "\(calls.peakDescriptors) descriptors open")
        #expect(calls.peakThreads < Self.threadLimit, "\(calls.peakThreads) threads")

        print(
            """
            stall: load for \(scale.seconds) s on \(scale.inspections) inspections: \
            WhoAmI answered \(latencies.count) times, failed \(failures.count), worst \(Self.format(worst)); \
            watchdog \(pings.count) pings, largest gap \(Self.format(largestGap)) (WATCHDOG_USEC \
            \(Self.format(Self.watchdog))); peak RSS (VmHWM) \(peakMemory >> 20) MiB; \
            peak descriptors \(calls.peakDescriptors), peak threads \(calls.peakThreads)
            stall: idle connections: \(Self.json(hold))
            stall: floods: \(Self.json(flood))
            stall: report: \(Self.json(report))
            """)

        // And the daemon still answers, stops cleanly, and the record is intact
        _ = try VarlinkClient(path: socket).call("io.inspectd.WhoAmI")
        #expect(daemon.stop() == 0)
        let verify = try daemon.ctl(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    /// The largest resident set the process has had: `VmHWM` of `/proc/PID/status`, in bytes.
    static func peakMemory(of pid: pid_t) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        let kilobytes = try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
        return kilobytes << 10
    }

    static func format(_ duration: Duration) -> String {
        String(format: "%.3f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    static func json(_ value: [String: Any]) -> String {
        let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }
}

/// Another user's calls while the load runs: a fresh connection and a `WhoAmI` every tenth of a second, on a thread
/// of its own (each call blocks), timed from `connect` to the reply, with the daemon's open descriptors counted.
private final class Bystander: Sendable {
    struct Calls: Sendable {
        var results: [Result<Duration, CallFailure>] = []
        var peakDescriptors = 0
        var peakThreads = 0
    }

    struct CallFailure: Error, CustomStringConvertible, Hashable {
        var description: String
    }

    let socket: String
    let daemon: pid_t
    private let stopped = Mutex(false)

    init(socket: String, daemon: pid_t) {
        self.socket = socket
        self.daemon = daemon
    }

    /// Waits (at most a minute) for the file `ready`, then calls until ``stop()``; returns every call's outcome.
    func run(after ready: String) async -> Calls {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { [self] in
                for _ in 0..<3000 where !FileManager.default.fileExists(atPath: ready) { usleep(20_000) }
                var calls = Calls()
                while !stopped.withLock({ $0 }) {
                    calls.results.append(call())
                    let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(daemon)/fd")
                    calls.peakDescriptors = max(calls.peakDescriptors, descriptors?.count ?? 0)
                    calls.peakThreads = max(calls.peakThreads, threads() ?? 0)
                    usleep(100_000)
                }
                continuation.resume(returning: calls)
            }
        }
    }

    func stop() {
        stopped.withLock { $0 = true }
    }

    /// The daemon's threads now (`Threads:` of `/proc/PID/status`), against the unit's `TasksMax=`.
    private func threads() -> Int? {
        let status = try? String(contentsOfFile: "/proc/\(daemon)/status", encoding: .utf8)
        let line = status?.split(separator: "\n").first { $0.hasPrefix("Threads:") }
        return line.flatMap { Int($0.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)) }
    }

    private func call() -> Result<Duration, CallFailure> {
        let start = ContinuousClock.now
        do {
            let client = try VarlinkClient(path: socket, timeout: .seconds(60))
            let reply = try client.call("io.inspectd.WhoAmI")
            guard reply["user"]?.stringValue == "root" else {
                return .failure(CallFailure(description: "unexpected reply \(reply)"))
            }
            return .success(ContinuousClock.now - start)
        } catch {
            return .failure(CallFailure(description: "\(error)"))
        }
    }
}

/// A record of the sample district (`demo/chi-lang`: 41 offices, 547 staff) with closed inspections spread over
/// every month from 1971 to late 2026 and five findings each, imported as an export would be restored.
enum StallRecord {
    static let violations = ["LATE", "BADGE", "DRESS", "SMOKE", "OFFPOST", "PRIVATE", "ENTERTAIN"]

    static func build(in daemon: DaemonFixture, demo: String, inspections count: Int) throws {
        for (noun, file) in [("office", "offices.csv"), ("staff", "staff.csv")] {
            let result = try daemon.ctl([noun, "import", "\(demo)/\(file)"])
            try #require(result.status == 0, "\(result.stderr)")
        }
        let staff = try String(contentsOfFile: demo + "/staff.csv", encoding: .utf8).split(separator: "\n")
            .dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let offices = try String(contentsOfFile: demo + "/offices.csv", encoding: .utf8).split(separator: "\n")
            .dropFirst().map { String($0.prefix { $0 != "," }) }
        let staffOf = Dictionary(grouping: staff, by: { String($0[2]) }).mapValues { $0.map { String($0[0]) } }

        var inspections = [
            "id,office,kind,status,plan,due_at,window_end,team,opened_at,opened_by,closed_at,closed_by,checked,"
                + "cancel_reason"
        ]
        var findings = ["inspection,type,staff,observed_at,arrived,left,note"]
        let months = (2026 - 1971) * 12 + 9
        for id in 1...count {
            let month = (id - 1) * months / count
            let day = String(format: "%04d-%02d-%02d", 1971 + month / 12, month % 12 + 1, 5 + id % 20)
            let office = offices[id % offices.count]
            let people = staffOf[office] ?? []
            let kind = id % 3 == 0 ? "surprise" : "planned"
            inspections.append(
                "\(id),\(office),\(kind),closed,,\(day) 07:30,\(day) 11:30,Đoàn \(id % 4 + 1),\(day) 07:35,an,"
                    + "\(day) 10:00,an,\(max(people.count, 1)),")
            for index in 0..<5 {
                let violation = violations[(id + index) % violations.count]
                let person = violation == "SMOKE" || people.isEmpty ? "" : people[(id + index) % people.count]
                let time = String(format: "08:%02d", index)
                let arrived = violation == "LATE" ? time : ""
                findings.append("\(id),\(violation),\(person),\(day) \(time),\(arrived),,")
            }
        }
        let inspectionsFile = daemon.directory.write("inspections.csv", inspections.joined(separator: "\n") + "\n")
        let findingsFile = daemon.directory.write("findings.csv", findings.joined(separator: "\n") + "\n")
        let result = try daemon.ctl(["inspection", "import", inspectionsFile, "--findings", findingsFile])
        try #require(result.status == 0, "\(result.stderr)")
    }
}
