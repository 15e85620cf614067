import Foundation
import InspectCore
import InspectService
import InspectTesting
import Testing

/// `classification propose|list|decide`, `report classification` and `report review-list` through the real
/// `inspectctl`, directly and through the daemon: the same answers either way, decisions beside proposals, and bad
/// input refused with one message, its exit status and the record unchanged.
@Suite("Yearly classification from the command line", .serialized)
struct CLIClassificationTests {
    /// The shipped bands and classification rules.
    static func files() throws -> [String: String] {
        var files: [String: String] = [:]
        for name in ["bands.conf", "classification.conf"] {
            files[name] = try String(
                contentsOfFile: "\(BuiltProducts.repository)/etc/inspectd/\(name)", encoding: .utf8)
        }
        return files
    }

    /// This year in Hanoi: the findings logged now are of it.
    static var year: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        return String(calendar.component(.year, from: Date()))
    }

    /// What the tests read of a listing's JSON.
    struct Listing: Decodable {
        struct Entry: Decodable {
            struct Level: Decodable { var level: String }
            var badge: String
            var proposal: Level
            var decision: Level?
            var earlierDecisions: Int
        }
        var classifications: [Entry]
    }

    /// The seeded record with three findings of CL-00001 in inspection 1, proposed.
    static func proposed(mode: CLIMode) throws -> CLIFixture {
        let cli = try CLIFixture.seeded(mode: mode, files: try files())
        for _ in 0..<3 {
            try cli.ok(["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-00001"])
        }
        #expect(
            try cli.ok(["classification", "propose", "--year", year])
                == "Proposed the classification of \(year): 3 new proposals, 0 unchanged.\n")
        return cli
    }

    @Test("proposals, a decision beside them, the report and the review list", arguments: CLIMode.allCases)
    func everyday(mode: CLIMode) throws {
        let cli = try Self.proposed(mode: mode)
        let year = Self.year
        let listing = try cli.json(Listing.self, ["classification", "list", "--year", year])
        #expect(
            listing.classifications.map { "\($0.badge) \($0.proposal.level)" } == [
                "CL-00001 done", "CL-00002 good", "CL-00003 good",
            ])
        try cli.ok([
            "classification", "decide", "CL-00001", "--year", year, "--level", "good", "--note", "Đã khắc phục",
        ])
        try cli.ok(["classification", "decide", "CL-00001", "--year", year, "--level", "done", "--note", "Họp lại"])
        let decided = try cli.json(Listing.self, ["classification", "list", "--year", year, "--staff", "CL-00001"])
        #expect(
            decided.classifications.map { "\($0.proposal.level) \($0.decision?.level ?? "-") \($0.earlierDecisions)" }
                == ["done done 1"])
        #expect(try cli.sql("SELECT count(*) FROM classification_decision") == "2\n")
        let table = try cli.ok(["report", "classification", "--year", year, "--lang", "vi"])
        #expect(table.contains("Hoàn thành tốt nhiệm vụ"), "\(table)")
        #expect(table.contains("2 (66,7%)"), "\(table)")
        let report = try cli.json(ClassificationReport.self, ["report", "classification", "--year", year])
        #expect(report.levels.map(\.proposed) == [0, 2, 1, 0])
        #expect(report.decided == 1)
        let page = try cli.ok(["report", "classification", "--year", year, "--format", "html", "--lang", "vi"])
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<figcaption>Hội đồng quyết định</figcaption>"), "\(page)")
        #expect(page.contains("<td class=\"num\">2 (66,7%)</td>"), "\(page)")
        let review = try cli.ok(["report", "review-list", "--year", year])
        #expect(review.contains("A list for the council to decide on, not a decision"), "\(review)")
        #expect(review.contains("Danh sách để hội đồng xem xét, quyết định"), "\(review)")
        #expect(review.contains("Nobody is on the list."), "\(review)")
    }

    @Test("bad input: one message, its exit status, the record unchanged", arguments: CLIMode.allCases)
    func refusals(mode: CLIMode) throws {
        let cli = try Self.proposed(mode: mode)
        let year = Self.year
        let before = try cli.dump()
        let cases: [([String], Int32, String)] = [
            (
                ["classification", "decide", "CL-00001", "--year", year, "--level", "good", "--note", " "], 65,
                "inspectctl: classification decide: a decision needs its note"
            ),
            (
                ["classification", "decide", "CL-00009", "--year", year, "--level", "good", "--note", "x"], 66,
                "inspectctl: classification decide: no staff"
            ),
            (
                ["classification", "decide", "CL-00001", "--year", "2001", "--level", "good", "--note", "x"], 66,
                "inspectctl: classification decide: no classification proposal 'CL-00001 2001'"
            ),
            (["classification", "decide", "CL-00001", "--year", year, "--level", "great", "--note", "x"], 64, ""),
            (["classification", "propose", "--year", "1969"], 65, "inspectctl: classification propose: year must be"),
        ]
        for (arguments, status, message) in cases {
            let result = try cli.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
        }
        #expect(try cli.dump() == before)
    }
}
