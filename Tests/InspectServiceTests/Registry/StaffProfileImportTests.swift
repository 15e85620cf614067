import InspectCore
import InspectService
import Testing

/// `staff import-profile` at the service: a career's levels and titles in the file's order, each row checked as one
/// change would be, all or nothing, one event for the batch, administrators only.
@Suite("Levels and titles imported from CSV")
struct StaffProfileImportTests {
    /// Nhân Lý with CL-1 and CL-2, and one title configured.
    private func fixture() throws -> ServiceFixture {
        let fixture = try ServiceFixture(
            configuration: InspectConfiguration(
                main: IniDocument(text: "", path: "inspectd.conf"), holidayFiles: [], planFiles: [],
                titlesFile: IniDocument(
                    text: "[Title tu-phap-ho-tich]\nName=Tư pháp – hộ tịch\nLevel=commune\n", path: "titles.conf")))
        _ = try fixture.seed()
        return fixture
    }

    private static let header = "badge,aspect,value,date,reason,evidence\n"

    @Test("a career's rows apply in order; the title's name becomes the listed title; one event for the file")
    func career() throws {
        let fixture = try fixture()
        let service = fixture.service
        let summary = try service.importProfile(
            csv: Self.header
                + "CL-1,level,district,2012-03-01,Tuyển dụng,\nCL-1,level,commune,2016-07-01,Điều động,QĐ 7\n"
                + "CL-1,title,tu-phap-ho-tich,2016-07-01,Bố trí,QĐ 8\n",
            path: "p.csv", by: fixture.admin)
        #expect(summary.rows == 3)
        let profile = try service.staffProfile(badge: "CL-1")
        #expect(profile.history.map(\.value) == ["district", "commune", "tu-phap-ho-tich"])
        #expect(profile.level == .commune && profile.title == "tu-phap-ho-tich")
        #expect(profile.history[1].evidence == "QĐ 7")
        #expect(
            try service.listStaff(office: nil, includeRetired: false).first { $0.badge == "CL-1" }?.title
                == "Tư pháp – hộ tịch")
        #expect(fixture.sink.events.filter { $0.kind == .profileImported }.count == 1)
    }

    @Test(
        "a bad row is named by its line and nothing of the file is written",
        arguments: [
            ("CL-1,rank,commune,2016-07-01,r,\n", "unknown aspect 'rank'; use level or title"),
            ("CL-1,level,ward,2016-07-01,r,\n", "unknown level 'ward'; use one of province, district, commune"),
            (
                "CL-1,title,truong-cong-an-xa,2016-07-01,r,\n",
                "no title 'truong-cong-an-xa'; known titles: tu-phap-ho-tich"
            ),
            ("CL-1,level,commune,01/07/2016,r,\n", "date '01/07/2016' is not a date (YYYY-MM-DD)"),
            ("CL-1,level,district,2016-07-01,again,\n", "staff CL-1 already has the level district"),
            ("CL-9,level,commune,2016-07-01,r,\n", "no staff badge 'CL-9'"),
        ])
    func refused(row: String, reason: String) throws {
        let fixture = try fixture()
        let good = "CL-1,level,district,2012-03-01,Tuyển dụng,\n"
        do {
            _ = try fixture.service.importProfile(csv: Self.header + good + row, path: "p.csv", by: fixture.admin)
            Issue.record("accepted \(row)")
        } catch InspectError.invalidFile(let path, let line, let message) {
            #expect(path == "p.csv" && line == 3)
            #expect(message.contains(reason), "\(message)")
        }
        #expect(try fixture.count("staff_profile_change") == 0)
        #expect(fixture.sink.events.filter { $0.kind == .profileImported }.isEmpty)
    }

    @Test("only administrators import")
    func administratorsOnly() throws {
        let fixture = try fixture()
        #expect(throws: InspectError.self) {
            try Operations.ImportProfile.authorizedPerform(
                fixture.service, as: fixture.inspector,
                .init(csv: Self.header + "CL-1,level,commune,2016-07-01,r,\n", path: "p.csv"))
        }
        #expect(try fixture.count("staff_profile_change") == 0)
    }
}
