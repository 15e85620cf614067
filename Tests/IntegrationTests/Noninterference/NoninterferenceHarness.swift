import Foundation
import InspectCore
import InspectService
import InspectTesting
import InspectVarlink
import Testing

/// Runs two records through the real daemon, one after the other at the same frozen instant, and collects what each
/// user sees through every Varlink method of the interface and every `inspectctl` command: the calls are generated
/// from the interface description and the CLI's own command tree, with parameters drawn from both records.
///
/// A noninterference property then says that two records differing only in what a user may not know look the same
/// to that user: the same bytes for every call, errors, ids, counts and order included.
///
/// The daemon and the CLI run under `faketime` with the clock stopped at ``frozenAt`` (the monotonic clock keeps
/// running), so the same call gets the same answer in both runs; each user's calls run in one process started with
/// `setpriv`, a client of its own (`Tests/Scripts/run_calls.py`, with the system's Python: another user cannot run
/// one installed in root's home).
final class Noninterference {
    /// One call as the comparison names it.
    struct Observation: Sendable, Equatable {
        var call: String
        var answer: String
    }

    static let frozenAt = Instant(seconds: 1_804_042_800)  // 2027-03-03 10:00 in Hanoi, a Wednesday
    static let frozenUTC = "2027-03-03 03:00:00"

    let daemon: DaemonFixture
    let outputs: String

    /// A daemon fixture whose configuration directory holds `files` (relative path → text) beside `inspectd.conf`.
    init(files: [String: String]) throws {
        daemon = try DaemonFixture(config: files["inspectd.conf"] ?? "")
        for (name, text) in files where name != "inspectd.conf" {
            let path = daemon.directory.file(name)
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            daemon.directory.write(name, text)
        }
        outputs = daemon.directory.file("out")
        try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
        chmod(outputs, 0o1777)
        chmod(daemon.directory.path, 0o755)
    }

    /// The configuration the daemon reads, for building records in process with the same policy.
    func configuration() throws -> InspectConfiguration {
        try ConfigLoader.load(path: daemon.config, explicit: true)
    }

    /// A record file of this fixture's directory, by name.
    func recordPath(_ name: String) -> String { daemon.directory.file(name) }

    /// The `faketime` wrapper, which runs a program with libfaketime set up for it and its children.
    static var fakeTime: String? { ProcessRunner.which("faketime") }

    /// What runs a program with the wall clock stopped at ``frozenAt`` (the monotonic clock keeps running, with
    /// ``frozenEnvironment``), in the time zone the instant is written in.
    static var frozenPrefix: [String] { [fakeTime ?? "faketime", "-m", "-f", frozenUTC] }
    static let frozenEnvironment = ["FAKETIME_DONT_FAKE_MONOTONIC": "1", "TZ": "UTC", "LANG": "C.UTF-8"]

    /// The Varlink calls of every method of `io.inspectd`, with parameters from `pools`.
    static func varlinkCalls(pools: [String: [VarlinkValue]]) throws -> [(method: String, parameters: VarlinkValue)] {
        let generator = APICallGenerator(
            definition: try VarlinkInterfaceDefinition.parse(InterfaceDescription.text), pools: pools)
        return generator.definition.methods.flatMap { method in
            generator.calls(for: method).map { ("\(InterfaceDescription.name).\(method.name)", .object($0)) }
        }
    }

    /// What `user` sees of the record at `record` through `varlink` and `cli`: the record is copied into place, the
    /// daemon started frozen at ``frozenAt``, the calls made, the daemon stopped.
    func observe(
        record: String, users: [TestUser], varlink: [(method: String, parameters: VarlinkValue)], cli: [CLICall]
    ) async throws -> [TestUser: [Observation]] {
        Self.removeStaleFakeTimeFiles()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: daemon.database + suffix) }
        try FileManager.default.copyItem(atPath: record, toPath: daemon.database)
        try await daemon.start(prefix: Self.frozenPrefix, environment: Self.frozenEnvironment)
        defer { daemon.stop() }
        var seen: [TestUser: [Observation]] = [:]
        for user in users {
            let observations = try await run(as: user, varlink: varlink, cli: cli)
            seen[user] = observations
            // A call that kills the daemon would leave every later one refused alike in both runs, proving nothing.
            guard let pid = daemon.daemonPID, kill(pid, 0) == 0 else {
                let log = (try? String(contentsOfFile: daemon.log, encoding: .utf8)) ?? ""
                let culprit = observations.first {
                    $0.answer.contains("Connection refused") || $0.answer.contains("<Connection")
                }
                throw FixtureError(
                    "inspectd died during the calls of \(user), at or before: \(culprit?.call ?? "?"); it said: "
                        + log.suffix(1500))
            }
        }
        return seen
    }

    private func run(
        as user: TestUser, varlink: [(method: String, parameters: VarlinkValue)], cli: [CLICall]
    ) async throws -> [Observation] {
        let socket = daemon.directory.file("io.inspectd")
        var commands: [VarlinkValue] = []
        for (index, call) in cli.enumerated() {
            let output = "\(outputs)/\(index)"
            let argv =
                Self.frozenPrefix + [BuiltProducts.inspectctl]
                + call.arguments.map { $0 == Self.outputMarker ? output : $0 } + [
                    "--socket", socket, "--config", daemon.config,
                ]
            commands.append(
                .object([
                    "argv": .array(argv.map(VarlinkValue.string)),
                    "env": .object(Self.frozenEnvironment.mapValues(VarlinkValue.string)),
                    "output": .string(output),
                ]))
        }
        let batch = VarlinkValue.object([
            "socket": .string(socket),
            "varlink": .array(varlink.map { .object(["method": .string($0.method), "parameters": $0.parameters]) }),
            "cli": .array(commands),
        ])
        let input = String(decoding: try JSONEncoder().encode(batch), as: UTF8.self)
        let result = try await ProcessRunner.detached(
            ProcessRunner.which("setpriv")!,
            user.setprivArguments + ["/usr/bin/python3", BuiltProducts.repository + "/Tests/Scripts/run_calls.py"],
            stdin: input)
        guard result.status == 0 else { throw FixtureError("run_calls.py as \(user): \(result.stderr)") }
        struct Results: Decodable {
            struct Command: Decodable {
                var status: VarlinkValue
                var stdout: String
                var stderr: String
                var output: String?
            }
            var varlink: [String]
            var cli: [Command]
        }
        let results = try JSONDecoder().decode(Results.self, from: Data(result.stdout.utf8))
        var observations = zip(varlink, results.varlink).map { call, reply in
            Observation(call: "\(call.method) \(Self.json(call.parameters))", answer: reply)
        }
        observations += zip(cli, results.cli).map { call, command in
            Observation(
                call: "inspectctl " + call.arguments.joined(separator: " "),
                answer: "status \(Self.json(command.status))\n\(command.stdout)\n\(command.stderr)\n"
                    + (command.output ?? ""))
        }
        return observations
    }

    /// Removes the semaphore and shared memory a `faketime` wrapper left when it was killed: a new wrapper that gets
    /// the same process id fails with "sem_open: File exists" otherwise.
    static func removeStaleFakeTimeFiles() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/dev/shm")) ?? []
        for name in names where name.hasPrefix("sem.faketime_sem_") || name.hasPrefix("faketime_shm_") {
            guard let pid = name.split(separator: "_").last.flatMap({ pid_t($0) }), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(atPath: "/dev/shm/" + name)
        }
    }

    /// Where a command's `--output` file goes: replaced by a path in a directory every user may write.
    static let outputMarker = "<output>"

    static func json(_ value: VarlinkValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "?"
    }

    /// Records a test issue for each call whose answers differ (the first `limit` of them), and returns how many did.
    @discardableResult
    static func compare(
        _ first: [Observation], _ second: [Observation], as user: TestUser, normalizing: (String) -> String = { $0 },
        limit: Int = 8
    ) -> Int {
        var differences = 0
        func normalized(_ text: String) -> String { normalizing(withoutTiming(text)) }
        for (a, b) in zip(first, second) where normalized(a.answer) != normalized(b.answer) {
            differences += 1
            if differences <= limit {
                Issue.record(
                    """
                    \(user) can tell the records apart through: \(a.call)
                    first:  \(normalized(a.answer).prefix(600))
                    second: \(normalized(b.answer).prefix(600))
                    """)
            }
        }
        #expect(first.count == second.count)
        return differences
    }
}

extension Noninterference {
    /// `text` without the number of events still waiting for the journal (`status`): it depends on how far the
    /// daemon's sender has got when the call comes, which differs between two runs of the same calls on the same
    /// record, not on what the record holds.
    static func withoutTiming(_ text: String) -> String {
        text.replacing(/"pendingEvents" ?: ?\d+/, with: "\"pendingEvents\": <n>")
            .replacing(/Events waiting:[^\n]*/, with: "Events waiting: <n>")
    }

    /// The records' names replaced by one: each record has its own, random (`SampleDistrict.record`), so the journal
    /// keeps their events apart; the name says nothing about what the record holds.
    static func recordNames(_ records: [String]) throws -> (String) -> String {
        let names = try records.flatMap { try RecordValues(path: $0).column("SELECT id FROM record_identity") }
        return { text in names.reduce(text) { $0.replacingOccurrences(of: $1, with: "<record>") } }
    }
}

/// Values of a record that calls take as parameters, read with the `sqlite3` tool.
struct RecordValues {
    let path: String

    func column(_ sql: String) throws -> [String] {
        try ProcessRunner.run("/usr/bin/sqlite3", ["-readonly", path, sql]).stdout
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}
