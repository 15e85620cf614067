import Glibc
import InspectSystemd
import InspectTesting
import Testing

@testable import InspectSystemd

/// libsystemd reads `NOTIFY_SOCKET` and the watchdog variables from the process environment, so these tests set
/// them, one test at a time, and put back what was there. Nothing else in the test process reads them.
@Suite("SystemdNotifier over a NOTIFY_SOCKET", .serialized)
struct NotifierTests {
    /// Runs `body` with the variables set (or unset, for `nil`), then restores them.
    private func withEnvironment<T>(_ variables: [String: String?], _ body: () async throws -> T) async rethrows -> T {
        let saved = variables.keys.map { name in (name, getenv(name).map { String(cString: $0) }) }
        defer {
            for (name, value) in saved {
                set(name, value)
            }
        }
        for (name, value) in variables {
            set(name, value)
        }
        return try await body()
    }

    private func set(_ name: String, _ value: String?) {
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
    }

    @Test("each state reaches the socket, in order")
    func sendsStatesInOrder() async throws {
        let harness = try NotifySocketHarness(acceptingOnly: getpid())
        try await withEnvironment(harness.environment()) {
            // Given a notifier under a (fake) service manager
            let notifier = SystemdNotifier()

            // When the service starts, pings, reloads and stops
            #expect(notifier.ready(status: "Watching 12 offices") == .sent)
            #expect(notifier.watchdogPing() == .sent)
            #expect(notifier.reloading() == .sent)
            #expect(notifier.ready() == .sent)
            #expect(notifier.status("Next inspection 08:00") == .sent)
            #expect(notifier.stopping() == .sent)

            // Then the manager receives every state, in order, reloading with a monotonic timestamp
            let messages = try await harness.waitFor("STOPPING=1")
            #expect(messages.count == 8)
            #expect(
                messages.filter { !$0.hasPrefix("MONOTONIC_USEC=") } == [
                    "READY=1", "STATUS=Watching 12 offices", "WATCHDOG=1", "RELOADING=1", "READY=1",
                    "STATUS=Next inspection 08:00", "STOPPING=1",
                ])
            let reloadIndex = try #require(messages.firstIndex(of: "RELOADING=1"))
            let stamp = messages[reloadIndex + 1]
            #expect(stamp.hasPrefix("MONOTONIC_USEC="))
            #expect(UInt64(stamp.dropFirst("MONOTONIC_USEC=".count)).map { $0 > 0 } == true)
        }
    }

    @Test(
        "a harness for this process drops what other processes send, as NotifyAccess=main does",
        .enabled(if: SystemTool.find("systemd-analyze") != nil, "systemd-analyze is not installed"))
    func dropsOtherSenders() async throws {
        let harness = try NotifySocketHarness(acceptingOnly: getpid())
        try await withEnvironment(harness.environment()) {
            // Given another program that inherits NOTIFY_SOCKET and fails (systemd's tools then send ERRNO=)
            let other = try SystemTool.run("systemd-analyze", ["calendar", "not-a-date"])
            #expect(other.status != 0)

            // When this process notifies
            SystemdNotifier().stopping()

            // Then only this process's line is kept
            #expect(try await harness.waitFor("STOPPING=1") == ["STOPPING=1"])
        }
    }

    @Test("a status with a line break cannot say READY=1 by accident, nor act on the terminal showing it")
    func statusStaysOneLine() async throws {
        let harness = try NotifySocketHarness(acceptingOnly: getpid())
        try await withEnvironment(harness.environment()) {
            SystemdNotifier().status("loaded\nREADY=1 \u{1B}[2J\u{202E}")
            SystemdNotifier().stopping()

            let messages = try await harness.waitFor("STOPPING=1")
            #expect(messages == [#"STATUS=loaded READY=1 \x1b[2J\u{202e}"#, "STOPPING=1"])
        }
    }

    @Test("the watchdog interval is half of WATCHDOG_USEC when it is meant for this process")
    func watchdogInterval() async throws {
        let harness = try NotifySocketHarness()
        await withEnvironment(harness.environment(watchdog: .seconds(4), watchdogPID: getpid())) {
            #expect(SystemdNotifier().watchdogInterval == .seconds(2))
        }
        await withEnvironment(harness.environment(watchdog: .seconds(4), watchdogPID: getpid() + 1)) {
            #expect(SystemdNotifier().watchdogInterval == nil)
        }
        await withEnvironment(["NOTIFY_SOCKET": harness.socketPath, "WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
            #expect(SystemdNotifier().watchdogInterval == nil)
        }
    }

    @Test("outside a service manager nothing is sent, and that is not an error")
    func notSupervised() async {
        await withEnvironment(["NOTIFY_SOCKET": nil]) {
            #expect(SystemdNotifier().ready() == .notSupervised)
        }
    }

    @Test("a socket that is gone is reported as a failure")
    func missingSocket() async {
        await withEnvironment(["NOTIFY_SOCKET": "/nonexistent-inspectd-test/notify"]) {
            #expect(SystemdNotifier().ready() == .failed(errno: ENOENT))
        }
    }
}

@Suite("NotifySocketHarness with a child process")
struct NotifySocketHarnessTests {
    @Test(
        "a child given the harness's environment reaches it",
        .enabled(if: SystemTool.find("systemd-notify") != nil, "systemd-notify is not installed"))
    func childProcess() async throws {
        let harness = try NotifySocketHarness()
        let environment = harness.environment(watchdog: .seconds(10))
        #expect(environment["WATCHDOG_USEC"] == "10000000")
        #expect(environment["WATCHDOG_PID"] == nil)

        // systemd-notify waits on a barrier: its fd is released when the harness drains the socket
        let child = startOnOwnThread {
            try SystemTool.run(
                "env",
                environment.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\($0.value)" }
                    + ["systemd-notify", "--ready", "--status=Child is up"])
        }
        let messages = try await harness.waitFor("BARRIER=1")
        let result = try await child.value

        #expect(result.status == 0, "\(result.errorOutput)")
        #expect(messages == ["READY=1", "STATUS=Child is up", "BARRIER=1"])
    }

    @Test("waiting for a message that never comes fails with what did come")
    func waitTimesOut() async throws {
        let harness = try NotifySocketHarness()
        await #expect(throws: HarnessError.self) {
            try await harness.waitFor("READY=1", timeout: .milliseconds(100))
        }
    }
}
