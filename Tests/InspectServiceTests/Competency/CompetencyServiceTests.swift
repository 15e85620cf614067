import Foundation
import InspectCore
import InspectService
import Testing

/// Competency test sessions and results through the service: planned on working days for configured titles,
/// results checked against the session and chained, corrections as amendments with reasons, imports all or nothing,
/// results readable only by their owner among readers, and tampering named by `verify`.
@Suite("Competency tests: sessions, results, amendments and reports")
struct CompetencyServiceTests {
    private static let titles = """
        [Title tu-phap-ho-tich]
        Name=Tư pháp – hộ tịch
        [Title van-hoa-xa-hoi]
        Name=Văn hóa – xã hội
        """

    /// Nhân Lý with CL-1 and CL-2 (CL-2 holding tu-phap-ho-tich), the shipped bands, and session 1 on Monday
    /// 2027-03-08 for both titles at Nhân Lý.
    private func fixture() throws -> ServiceFixture {
        let fixture = try ServiceFixture(
            configuration: InspectConfiguration(
                main: IniDocument(text: "", path: "inspectd.conf"), holidayFiles: [], planFiles: [],
                titlesFile: IniDocument(text: Self.titles, path: "titles.conf"),
                bandsFile: IniDocument(
                    text: try String(contentsOf: CompetencyBandsPath.shipped, encoding: .utf8), path: "bands.conf")))
        _ = try fixture.seed()
        _ = try fixture.service.setStaffTitle(
            .init(badge: "CL-2", value: "tu-phap-ho-tich", date: nil, reason: "Bổ nhiệm", evidence: nil),
            by: fixture.admin)
        _ = try fixture.service.planTestSession(
            .init(
                name: "Sát hạch công chức xã", titles: ["tu-phap-ho-tich", "van-hoa-xa-hoi"], offices: ["UBND-NHANLY"],
                day: CivilDate(year: 2027, month: 3, day: 8)), by: fixture.admin)
        return fixture
    }

    @Test("a session is planned on a working day for known titles and offices only")
    func planning() throws {
        let fixture = try fixture()
        let service = fixture.service
        let sessions = try service.testSessions(from: CivilDate(year: 2027, month: 3, day: 1), to: nil)
        #expect(sessions.map(\.offices) == [["UBND-NHANLY"]])
        #expect(sessions.first?.titles == ["tu-phap-ho-tich", "van-hoa-xa-hoi"])
        let cases: [(TestSessionRequest, String)] = [
            (
                .init(
                    name: "x", titles: ["tu-phap-ho-tich"], offices: ["UBND-NHANLY"],
                    day: CivilDate(year: 2027, month: 3, day: 6)),
                "2027-03-06 is not a working day"
            ),
            (
                .init(
                    name: "x", titles: ["dia-chinh"], offices: ["UBND-NHANLY"],
                    day: CivilDate(year: 2027, month: 3, day: 9)),
                "no title 'dia-chinh'"
            ),
            (
                .init(
                    name: "x", titles: ["tu-phap-ho-tich"], offices: ["NOWHERE"],
                    day: CivilDate(year: 2027, month: 3, day: 9)),
                "no office 'NOWHERE'"
            ),
            (
                .init(name: "x", titles: [], offices: ["UBND-NHANLY"], day: CivilDate(year: 2027, month: 3, day: 9)),
                "a test session needs at least one title and one office"
            ),
        ]
        for (request, reason) in cases {
            let error = #expect(throws: InspectError.self) { try service.planTestSession(request, by: fixture.admin) }
            #expect(error?.description.hasPrefix(reason) == true, "\(String(describing: error))")
        }
        #expect(try service.testSessions(from: nil, to: nil).count == 1)
    }

    @Test("results are recorded for the session's people, corrected by amendments with reasons, and reported")
    func recordAndAmend() throws {
        let fixture = try fixture()
        let service = fixture.service
        let first = try service.recordTestResult(
            .init(session: 1, badge: "CL-2", score: Tenths(tenths: 655), title: nil), by: fixture.admin)
        #expect(first.title == "tu-phap-ho-tich" && first.band == "average" && first.office == "UBND-NHANLY")
        #expect(
            throws: InspectError.invalidInput("staff CL-1 has no title recorded ('staff title'); give the title tested")
        ) {
            try service.recordTestResult(
                .init(session: 1, badge: "CL-1", score: Tenths(tenths: 900), title: nil), by: fixture.admin)
        }
        _ = try service.recordTestResult(
            .init(session: 1, badge: "CL-1", score: Tenths(tenths: 900), title: "van-hoa-xa-hoi"), by: fixture.admin)
        #expect(throws: InspectError.self) {
            try service.recordTestResult(
                .init(session: 1, badge: "CL-2", score: Tenths(tenths: 700), title: nil), by: fixture.admin)
        }
        let corrected = try service.amendTestResult(
            .init(result: first.id, score: Tenths(tenths: 725), reason: "Chấm phúc khảo"), by: fixture.admin)
        #expect(corrected.amends == first.id && corrected.band == "good" && corrected.reason == "Chấm phúc khảo")
        #expect(throws: InspectError.self) {
            try service.amendTestResult(
                .init(result: first.id, score: Tenths(tenths: 800), reason: "lại"), by: fixture.admin)
        }
        #expect(throws: InspectError.invalidInput("a correction needs its reason")) {
            try service.amendTestResult(
                .init(result: corrected.id, score: Tenths(tenths: 800), reason: " "), by: fixture.admin)
        }
        let report = try service.testReport(.init(session: 1, year: nil, badge: nil))
        #expect(report.total.bands.map(\.count) == [1, 1, 0, 0])
        #expect(report.byTitle.map(\.name) == ["Tư pháp – hộ tịch", "Văn hóa – xã hội"])
        #expect(try service.testReport(.init(session: nil, year: 2027, badge: nil)).total.results == 2)
        #expect(throws: InspectError.self) { try service.testReport(.init(session: 1, year: 2027, badge: nil)) }
        #expect(try service.verify(for: fixture.admin).problems == [])
        #expect(
            fixture.sink.events.map(\.kind).filter { [.testResultRecorded, .testResultAmended].contains($0) }
                == [.testResultRecorded, .testResultRecorded, .testResultAmended])
    }

    @Test("an import with a bad row writes nothing and names the row's line")
    func importAllOrNothing() throws {
        let fixture = try fixture()
        let cases = [
            ("badge,score\nCL-2,81\nCL-1,75\n", 3, "staff CL-1 has no title recorded"),
            ("badge,score,title\nCL-2,81,\nCL-1,7.55,van-hoa-xa-hoi\n", 3, "score '7.55' is not a score"),
            ("badge,score\nCL-2,81\nCL-2,90\n", 3, "staff CL-2 has result 1 in session 1 already"),
            ("badge,score\nCL-9,81\n", 2, "no staff badge 'CL-9'"),
        ]
        for (csv, line, reason) in cases {
            let error = #expect(throws: InspectError.self) {
                try fixture.service.importTestResults(.init(session: 1, csv: csv, path: "r.csv"), by: fixture.admin)
            }
            #expect(error?.description.hasPrefix("r.csv:\(line): \(reason)") == true, "\(String(describing: error))")
        }
        #expect(try fixture.count("test_result") == 0)
    }

    @Test("a reader lists only their own results; reports are for inspectors; only administrators record")
    func access() throws {
        let fixture = try fixture()
        let service = fixture.service
        _ = try service.importTestResults(
            .init(session: 1, csv: "badge,score,title\nCL-1,91,van-hoa-xa-hoi\nCL-2,45,\n", path: "r.csv"),
            by: fixture.admin)
        _ = try service.linkStaff(badge: "CL-1", login: "lan", by: fixture.admin)
        let own = try Operations.ListTestResults.authorizedPerform(
            service, as: fixture.reader, .init(session: 1, year: nil, badge: nil))
        #expect(own.results.map(\.badge) == ["CL-1"])
        #expect(throws: InspectError.self) {
            try Operations.ListTestResults.authorizedPerform(
                service, as: fixture.reader, .init(session: nil, year: nil, badge: "CL-2"))
        }
        #expect(
            try Operations.ListTestResults.authorizedPerform(
                service, as: fixture.inspector, .init(session: 1, year: nil, badge: nil)
            ).results.count == 2)
        #expect(throws: InspectError.self) {
            try Operations.TestBandReport.authorizedPerform(
                service, as: fixture.reader, .init(session: 1, year: nil, badge: nil))
        }
        #expect(throws: InspectError.self) {
            try Operations.RecordTestResult.authorizedPerform(
                service, as: fixture.inspector, .init(session: 1, badge: "CL-1", score: Tenths(tenths: 1), title: nil))
        }
        #expect(
            try Operations.ListTestSessions.authorizedPerform(service, as: fixture.reader, .init(from: nil, to: nil))
                .sessions.count == 1)
    }

    @Test("verify names a result edited in the file")
    func tampering() throws {
        let fixture = try fixture()
        _ = try fixture.service.recordTestResult(
            .init(session: 1, badge: "CL-2", score: Tenths(tenths: 455), title: nil), by: fixture.admin)
        try TamperingTests.tamper(
            fixture, dropping: ["test_result_is_not_updated"], "UPDATE test_result SET score = 955")
        let problems = try fixture.service.verify(for: fixture.admin).problems
        #expect(
            problems.contains("test result 1: contents do not match its hash: the result was edited"), "\(problems)")
    }
}

/// Where the shipped `bands.conf` is, for tests that use the shipped bands.
enum CompetencyBandsPath {
    static let shipped = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("etc/inspectd/bands.conf")
}
