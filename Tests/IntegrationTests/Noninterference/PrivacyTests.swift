import Foundation
import InspectCore
import InspectTesting
import InspectVarlink
import Testing

/// A person's record is readable by that person and administrators only: two records that differ only in who else
/// was found late or without a badge, whom an escalation and a corrective action concern, who moved office, whose
/// level, title and qualification were recorded, who else attended a course and sat a test with which score, whose
/// classification the rules propose at which level, flag for review and the council decided, and what the notes say,
/// answer every call of a reader linked to another person, and of a reader linked to no one,
/// identically.
///
/// The two records swap two colleagues' roles, so every count a report makes public (by office, type, category,
/// month) is the same in both: the design publishes those aggregates, and only those (README, "Who may read what").
@Suite("Privacy of each person's record, as noninterference", .serialized)
struct PrivacyTests {
    @Test(
        "records that differ only in other people's findings, escalations, actions, moves, profiles look alike to readers",
        .enabled(if: SecrecyTests.runnable, "\(TestUsers.unavailableReason), and faketime"))
    func noninterference() async throws {
        try #require(TestUsers.available, Comment(rawValue: TestUsers.unavailableReason))
        try #require(Noninterference.fakeTime != nil, "faketime is missing: run scripts/setup")
        let harness = try Noninterference(files: SampleDistrict.configuration)
        let configuration = try harness.configuration()
        let records = [harness.recordPath("first.db"), harness.recordPath("second.db")]
        let first = SampleDistrict()
        var second = SampleDistrict()
        second.lateComer = "X1-3"
        second.badgeSubjects = ["X1-2", "X1-3"]
        second.mover = "X1-2"
        second.actionSubject = "X1-2"
        second.profiled = "X1-2"
        second.notes = [nil, "để quên ở nhà", "quần áo không đúng quy định"]
        try first.build(at: records[0], configuration: configuration)
        try second.build(at: records[1], configuration: configuration)
        // The records do differ, in other people's records: who was found late, without a badge, who moved.
        let findings = "SELECT id, violation, staff_badge, note FROM finding ORDER BY id"
        let rows = try records.map { try RecordValues(path: $0).column(findings) }
        #expect(rows[0] != rows[1])
        #expect(rows[0].count == rows[1].count)

        let pools = try CallPools(records: records)
        let varlink = try Noninterference.varlinkCalls(pools: pools.varlink)
        let cli = pools.cliCalls(try CommandTree.of(BuiltProducts.inspectctl))
        let users = [TestUsers.reader, TestUsers.linkedReader]
        var seen: [[TestUser: [Noninterference.Observation]]] = []
        for record in records {
            seen.append(try await harness.observe(record: record, users: users, varlink: varlink, cli: cli))
        }
        let names = try Noninterference.recordNames(records)
        for user in users {
            let differences = Noninterference.compare(
                seen[0][user] ?? [], seen[1][user] ?? [], as: user, normalizing: names)
            #expect(differences == 0, "\(user): \(differences) of \(varlink.count + cli.count) calls differ")
        }
        // The linked reader did read their own record: the comparison is not one of refusals.
        let own = (seen[0][TestUsers.linkedReader] ?? []).filter {
            $0.call.hasPrefix("io.inspectd.ListFindings") && $0.answer.contains(SampleDistrict.linkedBadge)
        }
        #expect(!own.isEmpty)
        // And their own classification, decided: the classification's operations had something to leak.
        let classified = (seen[0][TestUsers.linkedReader] ?? []).filter {
            $0.call.hasPrefix("io.inspectd.ListClassifications") && $0.answer.contains("Đã khắc phục")
        }
        #expect(!classified.isEmpty)
    }
}
