import Foundation
import InspectService
import InspectTesting
import InspectVarlink
import Testing

/// Every method of the interface, called by every role with values chosen to break it (`APIFuzzer`), against a real
/// daemon on the sample district: every call is answered with a reply or an error, the daemon never dies, and the
/// record verifies after every round.
///
/// The normal run makes one round of `INSPECTD_FUZZ_API_CALLS` (16) calls per method and role; `scripts/fuzz-api`
/// runs rounds for `INSPECTD_FUZZ_API_SECONDS`. Each round's calls follow from the seed (`INSPECTD_FUZZ_API_SEED`,
/// random unless given, and printed with every failure), so a failure is replayed with the seed it names.
@Suite("Semantic API fuzzer", .serialized)
struct APIFuzzTests {
    static var runnable: Bool {
        (TestUsers.available && Noninterference.fakeTime != nil) || TestUsers.required
    }

    struct Settings {
        var seed: UInt64
        var seconds: Int
        var callsPerMethod: Int

        static func fromEnvironment() -> Settings {
            let environment = ProcessInfo.processInfo.environment
            return Settings(
                seed: environment["INSPECTD_FUZZ_API_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1 ... .max),
                seconds: environment["INSPECTD_FUZZ_API_SECONDS"].flatMap { Int($0) } ?? 0,
                callsPerMethod: environment["INSPECTD_FUZZ_API_CALLS"].flatMap { Int($0) } ?? 16)
        }
    }

    /// What the calls of one method by one role came to.
    struct Tally {
        var executions = 0
        var replies = 0
        var errors: [String: Int] = [:]
    }

    @Test(
        "hostile values through every method, as every role, never stop the daemon nor spoil the record",
        .enabled(if: runnable, "\(TestUsers.unavailableReason), and faketime"))
    func fuzz() async throws {
        try #require(TestUsers.available, Comment(rawValue: TestUsers.unavailableReason))
        try #require(Noninterference.fakeTime != nil, "faketime is missing: run scripts/setup")
        let settings = Settings.fromEnvironment()
        let replay = "replay with INSPECTD_FUZZ_API_SEED=\(settings.seed) (scripts/fuzz-api --seed \(settings.seed))"
        print("api fuzzer: seed \(settings.seed), \(settings.callsPerMethod) calls per method and role per round")

        let harness = try Noninterference(files: SampleDistrict.configuration)
        let daemon = harness.daemon
        try SampleDistrict().build(at: daemon.database, configuration: try harness.configuration())
        // The sample's events went to a recording sink: pending again, the daemon sends them to the journal as it
        // starts, so that verify finds witnessed what the record holds.
        try daemon.sql("UPDATE outbox SET sent_at = NULL, claimed_by = NULL, claimed_at = NULL")
        var pools = try CallPools(records: [daemon.database]).varlink.merging(Self.pools) { $0 + $1 }
        // The open inspection and its office's staff, drawn more often than the others, so that findings are logged
        // and inspections closed now and then, and the values that follow reach the code behind them.
        let values = RecordValues(path: daemon.database)
        let open = try values.column("SELECT id FROM inspection WHERE status = 'open'").compactMap { Int64($0) }
        let present = try values.column(
            "SELECT s.badge FROM staff s JOIN inspection i ON i.office_id = s.office_id WHERE i.status = 'open'")
        for _ in 0..<8 {
            pools["inspection", default: []] += open.map(VarlinkValue.int)
            pools["id", default: []] += open.map(VarlinkValue.int)
            pools["staff", default: []] += present.map(VarlinkValue.string)
        }
        let definition = try VarlinkInterfaceDefinition.parse(InterfaceDescription.text)
        // Every operation is in the interface, so enumerating the interface calls them all.
        #expect(Set(definition.methods.map(\.name)) == Set(Operations.all.map { $0.name }))
        let fuzzer = APIFuzzer(definition: definition, pools: pools)
        let roles: [(name: String, user: TestUser)] = [
            ("no role", TestUsers.reader), ("linked reader", TestUsers.linkedReader),
            ("inspector", try #require(TestUsers.inspector)),
            ("administrator", try #require(TestUsers.administrator)),
        ]

        Noninterference.removeStaleFakeTimeFiles()
        try await daemon.start(prefix: Noninterference.frozenPrefix, environment: Noninterference.frozenEnvironment)
        let pid = try #require(daemon.daemonPID)
        let socket = daemon.directory.file("io.inspectd")
        var tallies: [String: [String: Tally]] = [:]
        var slowest: [(seconds: Double, call: String)] = []
        let started = ContinuousClock.now
        var round = 0
        rounds: repeat {
            // Each round's calls from a seed of its own, derived from the run's: a long run need not be replayed
            // from its start.
            var derived = SplitMix64(seed: settings.seed &+ UInt64(round))
            let roundSeed = round == 0 ? settings.seed : derived.next()
            var random = SplitMix64(seed: roundSeed)
            for (role, user) in roles {
                var calls: [APIFuzzer.Call] = []
                for method in definition.methods {
                    for _ in 0..<settings.callsPerMethod { calls.append(fuzzer.call(method, using: &random)) }
                }
                calls.shuffle(using: &random)
                let replies = try await RawCalls.timed(
                    calls.map { .init(message: $0.message) }, as: user, socket: socket, timeout: 30)
                let alive = kill(pid, 0) == 0
                for (call, (reply, seconds)) in zip(calls, replies) {
                    let method = String(call.method.split(separator: ".").last ?? "")
                    tallies[method, default: [:]][role, default: Tally()].executions += 1
                    if slowest.count < 5 || seconds > slowest[4].seconds {
                        slowest.append((seconds, "\(role): \(Self.abbreviated(call.message).prefix(300))"))
                        slowest = Array(slowest.sorted { $0.seconds > $1.seconds }.prefix(5))
                    }
                    if call.violatesProtocol && reply == "<connection closed after 0 bytes>" {
                        // No Varlink call: the server hangs up, as the protocol has it.
                        tallies[method]![role]!.errors["(connection closed)", default: 0] += 1
                        continue
                    }
                    do {
                        if let error = try RawCalls.errorName(of: reply) {
                            tallies[method]![role]!.errors[error, default: 0] += 1
                            if error == "io.inspectd.InternalError" {
                                Issue.record(
                                    "\(role): an internal error for \(Self.abbreviated(call.message)); \(replay)")
                            }
                        } else {
                            tallies[method]![role]!.replies += 1
                        }
                    } catch {
                        let message = Self.abbreviated(call.message)
                        let round = "round \(round) (seed \(roundSeed))"
                        Issue.record("\(role) (\(user.name)): \(error), for \(message); \(replay), \(round)")
                        if !alive { break }
                    }
                }
                guard alive else {
                    let log = (try? String(contentsOfFile: daemon.log, encoding: .utf8)) ?? ""
                    Issue.record(
                        "inspectd died during the calls of the \(role); \(replay); it said: \(log.suffix(3000))")
                    break rounds
                }
            }
            let verified = try ProcessRunner.run(
                BuiltProducts.inspectctl, ["verify", "--socket", socket, "--config", daemon.config])
            #expect(
                verified.status == 0, "verify after round \(round): \(verified.stdout) \(verified.stderr); \(replay)")
            round += 1
        } while ContinuousClock.now - started < .seconds(settings.seconds)

        #expect(daemon.stop() == 0, "inspectd did not stop cleanly; \(replay)")
        let verified = try daemon.ctl(["verify"])
        #expect(verified.status == 0, "verify after the daemon stopped: \(verified.stdout) \(verified.stderr)")
        for method in definition.methods {
            for (role, _) in roles {
                #expect((tallies[method.name]?[role]?.executions ?? 0) > 0, "\(method.name) never called as \(role)")
            }
        }
        print(Self.table(tallies, roles: roles.map(\.name), rounds: round, seed: settings.seed))
        for (seconds, call) in slowest {
            print("api fuzzer: slow: \(String(format: "%.2f", seconds)) s: \(call)")
        }
    }

    /// Values the record does not give: imports whose rows hold the values that once took the daemon down (years 1
    /// and 9999, 64-bit ids and counts), texts and paths.
    static let pools: [String: [VarlinkValue]] = [
        "csv": [
            "code,name,parent,kind\nFZ1,Fuzz,X1,commune\n",
            "badge,name,office,title,category\nFZ-1,Fuzz,X1,,cadre\n",
            "inspection,type,staff,observed_at,arrived,left,note\n11,LATE,X3-1,0001-01-01 00:00,07:50,,\n",
            "inspection,type,staff,observed_at,arrived,left,note\n9223372036854775807,BADGE,X1-1,9999-12-31 23:59,,,\n",
            "id,office,kind,status,plan,due_at,window_end,team,opened_at,opened_by,closed_at,closed_by,checked,"
                + "cancel_reason\n9223372036854775807,X1,adhoc,closed,,,,t,0001-01-01 00:00,an,9999-12-31 23:59,an,"
                + "9223372036854775807,\n",
            "id,office,kind,status,plan,due_at,window_end,team,opened_at,opened_by,closed_at,closed_by,checked,"
                + "cancel_reason\n900,X2,adhoc,closed,,,,t,2027-03-01 08:00,an,2027-03-01 09:00,an,-1,\n",
        ].map(VarlinkValue.string),
        "path": ["offices.csv", "/dev/zero", ""].map(VarlinkValue.string),
        // Codes and badges nobody has yet, for the calls that add them.
        "code": ["FZ1"].map(VarlinkValue.string), "badge": ["FZ-9"].map(VarlinkValue.string),
        "name": ["Phòng Tư pháp"].map(VarlinkValue.string),
        "reason": ["Nhầm người"].map(VarlinkValue.string),
        "requirement": ["Đeo thẻ"].map(VarlinkValue.string),
        "note": ["quên thẻ"].map(VarlinkValue.string),
        "team": ["doan-1"].map(VarlinkValue.string),
        "breakdowns": ["office", "type", "month", "category", "kind"].map(VarlinkValue.string),
        "status": ["open", "scheduled", "closed", "done"].map(VarlinkValue.string),
    ]

    /// A call as a failure names it: runs of a repeated unit (deep nesting, long texts) shortened to the unit and a
    /// count, at most 2,000 characters.
    static func abbreviated(_ message: String) -> String {
        let runs = try! NSRegularExpression(pattern: "(.{1,6}?)\\1{7,}", options: [.dotMatchesLineSeparators])
        let text = message as NSString
        var result = ""
        var at = 0
        for match in runs.matches(in: message, range: NSRange(location: 0, length: text.length)) {
            let unit = text.substring(with: match.range(at: 1))
            result += text.substring(with: NSRange(location: at, length: match.range.location - at))
            result += "⟨\(unit)⟩×\(match.range.length / (unit as NSString).length)"
            at = match.range.location + match.range.length
        }
        result += text.substring(from: at)
        return String(result.prefix(2000))
    }

    /// Executions per method and role, and how many of them got a reply rather than an error.
    static func table(_ tallies: [String: [String: Tally]], roles: [String], rounds: Int, seed: UInt64) -> String {
        var lines = ["api fuzzer: seed \(seed), \(rounds) rounds; executions (replies) per method and role"]
        lines.append("method".padding(toLength: 24, withPad: " ", startingAt: 0) + roles.map { "  " + $0 }.joined())
        var total = 0
        for method in tallies.keys.sorted() {
            var line = method.padding(toLength: 24, withPad: " ", startingAt: 0)
            for role in roles {
                let tally = tallies[method]?[role] ?? Tally()
                total += tally.executions
                let cell = "\(tally.executions) (\(tally.replies))"
                line += "  " + String(repeating: " ", count: max(0, role.count - cell.count)) + cell
            }
            lines.append(line)
        }
        var errors: [String: Int] = [:]
        for byRole in tallies.values {
            for tally in byRole.values { errors.merge(tally.errors, uniquingKeysWith: +) }
        }
        lines.append(
            "api fuzzer: \(total) calls; errors: "
                + errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
