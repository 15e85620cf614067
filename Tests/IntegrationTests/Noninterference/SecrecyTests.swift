import Foundation
import InspectCore
import InspectTesting
import InspectVarlink
import Testing

/// Nobody but an administrator learns where or when a surprise inspection falls until it is due, nor when a
/// follow-up falls within its public span: two records that differ only in their surprise draws and follow-up
/// instants (drawn from different seeds) answer every call a reader or an inspector may make identically.
@Suite("Secrecy of surprise and follow-up inspections, as noninterference", .serialized)
struct SecrecyTests {
    static var runnable: Bool {
        (TestUsers.available && Noninterference.fakeTime != nil) || TestUsers.required
    }

    @Test(
        "two records that differ only in their secret draws look the same to readers and inspectors, through every method and command",
        .enabled(if: runnable, "\(TestUsers.unavailableReason), and faketime"))
    func noninterference() async throws {
        try #require(TestUsers.available, Comment(rawValue: TestUsers.unavailableReason))
        try #require(Noninterference.fakeTime != nil, "faketime is missing: run scripts/setup")
        let harness = try Noninterference(files: SampleDistrict.configuration)
        let configuration = try harness.configuration()
        let records = [harness.recordPath("first.db"), harness.recordPath("second.db")]
        for (path, seed) in zip(records, [UInt64(1), 2]) {
            try SampleDistrict(seed: seed).build(at: path, configuration: configuration)
        }
        // The records do differ, in what is secret: where and when the surprises fall, when the follow-up does.
        let secret = "SELECT office_id, due_at, team FROM inspection WHERE status = 'scheduled' AND kind <> 'planned'"
        let secrets = try records.map { try RecordValues(path: $0).column(secret) }
        #expect(secrets[0] != secrets[1])
        #expect(secrets[0].count == 9)

        let pools = try CallPools(records: records)
        let varlink = try Noninterference.varlinkCalls(pools: pools.varlink)
        let cli = pools.cliCalls(try CommandTree.of(BuiltProducts.inspectctl))
        let inspector = try #require(TestUsers.inspector)
        let users = [TestUsers.reader, TestUsers.linkedReader, inspector]
        var seen: [[TestUser: [Noninterference.Observation]]] = []
        for record in records {
            seen.append(try await harness.observe(record: record, users: users, varlink: varlink, cli: cli))
        }
        let commitments = try Self.commitments(records)
        let names = try Noninterference.recordNames(records)
        for user in users {
            let differences = Noninterference.compare(
                seen[0][user] ?? [], seen[1][user] ?? [], as: user, normalizing: { names(commitments($0)) })
            #expect(differences == 0, "\(user): \(differences) of \(varlink.count + cli.count) calls differ")
        }
        Self.expectCoverage(seen[0][inspector] ?? [], varlink: varlink, cli: cli)
    }

    /// Each record's commitments replaced by the same names: a commitment is published, and two draws from
    /// different seeds publish different ones, but a hiding commitment tells nothing about its draw.
    static func commitments(_ records: [String]) throws -> (String) -> String {
        var names: [String: String] = [:]
        for record in records {
            let values = RecordValues(path: record)
            for row in try values.column("SELECT plan || ' ' || period || '=' || commitment FROM surprise_draw")
                + values.column("SELECT 'follow-up of ' || follows_id || '=' || commitment FROM follow_up_draw")
            {
                let parts = row.split(separator: "=", maxSplits: 1).map(String.init)
                names[parts[1]] = "<commitment of \(parts[0])>"
            }
        }
        return { text in names.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) } }
    }

    /// Every method was called with parameters it accepts, and every command with arguments it accepts, at least
    /// once: a comparison of refusals alone would prove nothing.
    static func expectCoverage(
        _ seen: [Noninterference.Observation], varlink: [(method: String, parameters: VarlinkValue)], cli: [CLICall]
    ) {
        var accepted: Set<String> = []
        for (call, observation) in zip(varlink, seen) where !observation.answer.contains("InvalidParameter") {
            accepted.insert(call.method)
        }
        let methods = Set(varlink.map(\.method))
        #expect(
            methods.subtracting(accepted).isEmpty,
            "never called with accepted parameters: \(methods.subtracting(accepted).sorted())")
        var commands: Set<String> = []
        let all = Set(cli.map(\.command))
        for (call, observation) in zip(cli, seen.dropFirst(varlink.count))
        where !observation.answer.hasPrefix("status 64") {
            commands.insert(call.command)
        }
        #expect(
            all.subtracting(commands).isEmpty, "never run without a usage error: \(all.subtracting(commands).sorted())")
    }
}
