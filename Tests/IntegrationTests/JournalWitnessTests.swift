import Foundation
import InspectTesting
import Testing

/// The journal witnesses the record: `inspectctl verify` reads back what the real journal holds of it and names a
/// record cut short, or rewritten since, which the record's own chain cannot show.
@Suite(
    "verify checks the record against the journal", .serialized,
    .enabled(if: Journald.testsCanRun, Comment(rawValue: Journald.unavailableReason)))
struct JournalWitnessTests {
    @Test("the newest findings cut with the chain's head reset: the chain checks out, the journal does not")
    func cutTail() throws {
        try #require(Journald.isAnswering, "no journald answers")
        let cli = try CLIFixture.seeded()
        for badge in ["CL-00001", "CL-00002"] {
            try cli.ok(["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", badge])
        }
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "SMOKE"])
        let before = try cli.ok(["verify"])
        #expect(before.contains("Journal witness: the journal witnessed 3 findings, up to finding 3"), "\(before)")
        try cli.sql(
            """
            DROP TRIGGER finding_is_not_deleted;
            DELETE FROM finding WHERE id > 1;
            UPDATE finding_chain_head SET last_id = 1, count = 1, last_hash = (SELECT hash FROM finding WHERE id = 1);
            """)
        let after = try cli.run(["verify"])
        #expect(after.status == 65)
        #expect(after.stdout.contains("Finding chain: ok (1 rows)"))
        #expect(
            after.stderr.contains("the record ends at finding 1; the journal witnessed finding 3"), "\(after.stderr)")
    }

    @Test("a middle finding rewritten with every later hash recomputed: the journal saw the old hashes")
    func rewritten() throws {
        try #require(Journald.isAnswering, "no journald answers")
        let cli = try CLIFixture.seeded()
        for note in ["một", "hai", "ba"] {
            try cli.ok(["finding", "log", "--inspection", "1", "--type", "SMOKE", "--note", note])
        }
        // Rewriting with recomputed hashes needs our chain's code; sqlite3 alone shows the simpler cut above. Here the
        // hash of finding 2 is replaced by one the journal never saw, with its successor relinked to it.
        try cli.sql(
            """
            DROP TRIGGER finding_is_not_updated;
            UPDATE finding SET hash = '\(String(repeating: "a", count: 64))' WHERE id = 2;
            """)
        let after = try cli.run(["verify"])
        #expect(after.status == 65)
        #expect(after.stdout.contains("finding 2's hash is not the one the journal witnessed"), "\(after.stdout)")
    }

    @Test("test results cut from the end, their head reset: the journal witnessed the import's last one")
    func cutTestResults() throws {
        try #require(Journald.isAnswering, "no journald answers")
        let cli = try CLICadreSampleTests.sample()
        let before = try cli.ok(["verify"])
        #expect(before.contains("106 test results"), "\(before)")
        try cli.sql(
            """
            DROP TRIGGER test_result_is_not_deleted;
            DELETE FROM test_result WHERE id > 100;
            UPDATE test_result_chain_head SET last_id = 100, count = 100,
                last_hash = (SELECT hash FROM test_result WHERE id = 100);
            """)
        let after = try cli.run(["verify"])
        #expect(after.status == 65)
        #expect(
            after.stderr.contains("the record ends at test result 100; the journal witnessed test result 106"),
            "\(after.stderr)")
    }
}
