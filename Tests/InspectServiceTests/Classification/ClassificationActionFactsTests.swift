import Foundation
import InspectCore
import InspectService
import InspectTesting
import Testing

/// The undone corrective actions a proposal reads follow their finding as it stands: an action of a retracted finding
/// is nobody's, and an action of a finding amended to another person is that person's.
@Suite("Yearly classification: corrective actions follow their finding as it stands")
struct ClassificationActionFactsTests {
    private func fixture() throws -> ServiceFixture {
        let fixture = try ServiceFixture(
            configuration: InspectConfiguration(
                main: IniDocument(text: "", path: "inspectd.conf"), holidayFiles: [], planFiles: [],
                bandsFile: IniDocument(
                    text: try String(contentsOf: CompetencyBandsPath.shipped, encoding: .utf8), path: "bands.conf"),
                classificationFile: IniDocument(
                    text: try String(contentsOf: ClassificationServiceTests.shipped, encoding: .utf8),
                    path: "classification.conf")))
        _ = try fixture.service.cancelInspection(id: try fixture.seed(), reason: "seeded", by: fixture.admin)
        return fixture
    }

    private func facts(_ fixture: ServiceFixture, _ badge: String) throws -> ClassificationFacts {
        try #require(try fixture.service.classifications(.init(year: 2027, badge: badge)).first).proposal.facts
    }

    @Test("the action of a retracted finding does not count against the person")
    func retracted() throws {
        let fixture = try fixture()
        let service = fixture.service
        let found = try fixture.visit(at: "2027-03-02 08:00", [(type: "BADGE", staff: "CL-1")])
        _ = try service.requireAction(
            finding: found[0], requirement: "Đeo thẻ", due: CivilDate(year: 2027, month: 3, day: 10),
            by: fixture.inspector)
        _ = try service.retractFinding(id: found[0], reason: "Nhầm người", by: fixture.inspector)
        fixture.at("2028-01-15 08:00")
        _ = try service.proposeClassification(.init(year: 2027), by: fixture.admin)
        #expect(try facts(fixture, "CL-1") == .clean)
        #expect(try service.classifications(.init(year: 2027, badge: "CL-1")).first?.proposal.level == .good)
    }

    @Test("the action of a finding amended to another person counts against that person, not the first")
    func amendedToAnother() throws {
        let fixture = try fixture()
        let service = fixture.service
        let found = try fixture.visit(at: "2027-03-02 08:00", [(type: "BADGE", staff: "CL-1")])
        _ = try service.requireAction(
            finding: found[0], requirement: "Đeo thẻ", due: CivilDate(year: 2027, month: 3, day: 10),
            by: fixture.inspector)
        _ = try service.amendFinding(
            .init(finding: found[0], reason: "Nhầm người", staff: "CL-2"), by: fixture.inspector)
        fixture.at("2028-01-15 08:00")
        _ = try service.proposeClassification(.init(year: 2027), by: fixture.admin)
        #expect(try facts(fixture, "CL-1") == .clean)
        #expect(
            try facts(fixture, "CL-2")
                == ClassificationFacts(findings: 1, escalations: 0, referrals: 0, undoneActions: 1, band: nil))
    }
}
