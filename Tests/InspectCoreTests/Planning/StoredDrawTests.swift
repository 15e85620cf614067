import Foundation
import InspectCore
import InspectTesting
import Testing

/// Draws stored before the planner changed must still audit: the record keeps them for years.
@Suite struct StoredDrawTests {
    /// A draw as `Tests/Goldens/draws/` keeps it: the revealed seed and the record's JSON.
    struct Stored: Decodable, CustomTestStringConvertible, Sendable {
        var what: String
        var seed: String
        var commitment: String
        var inputs: DrawInputs
        var drafts: [SurpriseDraft]

        var testDescription: String { what }
    }

    /// Draws made by the first planner (the greedy draw alone), written when it was the planner.
    static let firstPlanner: [Stored] = {
        let url = URL(fileURLWithPath: BuiltProducts.repository)
            .appendingPathComponent("Tests/Goldens/draws/planner-v1.json")
        return try! JSONDecoder().decode([Stored].self, from: Data(contentsOf: url))
    }()

    @Test("a draw stored by the first planner is confirmed by an audit", arguments: firstPlanner)
    func firstPlannerConfirmed(_ stored: Stored) throws {
        let seed = try #require(DrawSeed(hex: stored.seed))
        let report = SurpriseAudit.verify(
            seed: seed, inputs: stored.inputs, commitment: stored.commitment, drafts: stored.drafts,
            calendar: PlannerFixture.calendar)
        #expect(report.isConfirmed, "\(report)")
    }
}
