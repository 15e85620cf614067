import Foundation
import InspectTesting
import Testing

/// A configuration directory, a database and a running `inspectd` watched through a NOTIFY_SOCKET harness.
final class DaemonFixture {
    let directory = TemporaryDirectory(prefix: "inspectd-daemon")
    let harness: NotifySocketHarness
    private(set) var process: Process?
    private var wrapped = false
    var database: String { directory.file("inspectd.db") }
    var config: String { directory.file("inspectd.conf") }
    var log: String { directory.file("inspectd.log") }

    init(config text: String = "") throws {
        harness = try NotifySocketHarness()
        directory.write("inspectd.conf", text)
    }

    /// Runs `inspectctl` on the fixture's database and configuration.
    @discardableResult
    func ctl(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(
            BuiltProducts.inspectctl, arguments + ["--database", database, "--config", config],
            environment: ["INSPECTD_DATABASE": nil, "INSPECTD_CONFIG": nil])
    }

    /// Runs SQL on the database with the `sqlite3` tool.
    @discardableResult
    func sql(_ statement: String) throws -> String {
        try ProcessRunner.run("/usr/bin/sqlite3", [database, statement]).stdout
    }

    /// Starts the daemon and waits for `READY=1`. `prefix` runs it under a wrapper such as `faketime`, which stays
    /// as its parent: signals then go to the daemon itself, the wrapper's child.
    func start(watchdog: Duration? = nil, prefix: [String] = [], environment extra: [String: String] = [:]) async throws
    {
        let process = Process()
        let command =
            prefix + [
                BuiltProducts.inspectd, "--database", database, "--config", config, "--socket",
                directory.file("io.inspectd"),
            ]
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        wrapped = !prefix.isEmpty
        var environment = ProcessInfo.processInfo.environment.merging(harness.environment(watchdog: watchdog)) { $1 }
        environment.merge(extra) { $1 }
        // libsystemd honours WATCHDOG_USEC only with WATCHDOG_PID unset or equal to the process's own.
        environment["WATCHDOG_PID"] = nil
        process.environment = environment
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        self.process = process
        let readies = harness.messages.filter { $0 == "READY=1" }.count
        do {
            _ = try await harness.waitUntil("READY=1 number \(readies + 1)") {
                $0.filter { $0 == "READY=1" }.count > readies
            }
        } catch {
            let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw FixtureError("\(error); inspectd said: \(said.suffix(2000))")
        }
    }

    /// The daemon's process id: the started process, or its child when it runs under a wrapper.
    var daemonPID: pid_t? {
        guard let process else { return nil }
        guard wrapped else { return process.processIdentifier }
        let pid = process.processIdentifier
        let children = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)
        // A wrapper that execs the daemon (`sh -c 'exec …'`) has become it.
        return children?.split(separator: " ").first.flatMap { pid_t($0) } ?? pid
    }

    func signal(_ number: Int32) {
        if let pid = daemonPID { kill(pid, number) }
    }

    /// Stops the daemon with SIGTERM and returns its exit status; after 30 s, SIGKILL (and a failed test).
    @discardableResult
    func stop() -> Int32 {
        guard let process else { return -1 }
        signal(SIGTERM)
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { usleep(10000) }
        if process.isRunning {
            terminate(process)
            Issue.record("inspectd did not stop within 30 s of SIGTERM")
        }
        process.waitUntilExit()
        self.process = nil
        return process.terminationStatus
    }

    /// Kills the daemon, and its wrapper if it does not exit by itself within 5 s: a `faketime` wrapper left to exit
    /// after its child removes the semaphore it keeps in /dev/shm, which a later wrapper given the same process id
    /// would otherwise trip over ("sem_open: File exists").
    private func terminate(_ process: Process) {
        if let pid = daemonPID { kill(pid, SIGKILL) }
        let deadline = Date().addingTimeInterval(5)
        while wrapped && process.isRunning && Date() < deadline { usleep(10000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit {
        if let process, process.isRunning {
            terminate(process)
            process.waitUntilExit()
        }
    }
}
