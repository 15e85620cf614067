import Foundation
import InspectCore
import InspectService
import InspectTesting
import Testing

/// `verify` is open to every local user: what it says of a proposal or a decision changed in the file names the row,
/// not the personal values in it (the council's note, the level), which only administrators and the person may read.
@Suite("Yearly classification: verify names a tampered classification without reading it out")
struct ClassificationVerifyPrivacyTests {
    @Test("a reader's verify names the changed decision but quotes neither its note nor its level")
    func readerVerify() throws {
        let fixture = try ServiceFixture(
            configuration: InspectConfiguration(
                main: IniDocument(text: "", path: "inspectd.conf"), holidayFiles: [], planFiles: [],
                bandsFile: IniDocument(
                    text: try String(contentsOf: CompetencyBandsPath.shipped, encoding: .utf8), path: "bands.conf"),
                classificationFile: IniDocument(
                    text: try String(contentsOf: ClassificationServiceTests.shipped, encoding: .utf8),
                    path: "classification.conf")))
        _ = try fixture.service.cancelInspection(id: try fixture.seed(), reason: "seeded", by: fixture.admin)
        _ = try fixture.service.proposeClassification(.init(year: 2027), by: fixture.admin)
        _ = try fixture.service.decideClassification(
            .init(badge: "CL-1", year: 2027, level: .notDone, note: "Biên bản kín số 7"), by: fixture.admin)
        try TamperingTests.tamper(
            fixture, dropping: ["classification_decision_is_kept", "ledger_classification_decision_update"],
            "UPDATE classification_decision SET note = 'Sửa', level = 'excellent'")
        let report = try Operations.Verify.authorizedPerform(fixture.service, as: fixture.reader, .init())
        #expect(report.problems.contains { $0.contains("classification_decision [1]") }, "\(report.problems)")
        for secret in ["Biên bản kín", "not-done", "excellent"] {
            #expect(!report.problems.contains { $0.contains(secret) }, "\(secret): \(report.problems)")
        }
    }
}
