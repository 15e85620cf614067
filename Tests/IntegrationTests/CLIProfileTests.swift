import Foundation
import InspectCore
import InspectService
import Testing

/// `staff level`, `staff title`, `staff qualify`, `staff import-qualifications` and `staff profile` through the real
/// `inspectctl`, directly and through the daemon.
@Suite("Staff profiles from the command line", .serialized)
struct CLIProfileTests {
    @Test("a level and qualifications recorded, imported and shown, the history kept", arguments: CLIMode.allCases)
    func recordAndShow(mode: CLIMode) throws {
        let cli = try CLIFixture.seeded(mode: mode)
        try cli.ok(["staff", "level", "CL-00002", "district", "--on", "2020-01-02", "--reason", "Tuyển dụng"])
        try cli.ok(["staff", "level", "CL-00002", "commune", "--reason", "Chính quyền hai cấp"])
        let output = try cli.ok(
            [
                "staff", "qualify", "CL-00002", "--kind", "education", "--level", "bachelor", "--field", "Luật",
                "--date", "2015-06-30", "--evidence", "Bằng cử nhân số 123456",
            ])
        #expect(output == "Recorded the education qualification of CL-00002 (Vi Văn Lâm).\n")
        let file = cli.directory.write(
            "qualifications.csv",
            "badge,kind,level,field,date,evidence\nCL-00002,language,B1,English,2019-05-01,Chứng chỉ B1 số 7\n")
        #expect(try cli.ok(["staff", "import-qualifications", file]) == "Imported 1 qualifications from \(file).\n")
        let profile = try cli.json(StaffProfile.self, ["staff", "profile", "CL-00002"])
        #expect(profile.level == .commune)
        #expect(profile.qualifications.map(\.kind) == [.education, .language])
        #expect(profile.history.map(\.value) == ["district", "commune", "bachelor", "B1"])
        #expect(profile.history.last?.reason == "imported from \(file)")
        let text = try cli.ok(["staff", "profile", "CL-00002"])
        #expect(text.contains("2020-01-02  level district"))
        #expect(text.contains("Bằng cử nhân số 123456"))
    }

    @Test(
        "bad values and bad rows are refused with their reason, and the database is unchanged",
        arguments: CLIMode.allCases)
    func refused(mode: CLIMode) throws {
        let cli = try CLIFixture.seeded(mode: mode)
        let before = try cli.dump()
        let file = cli.directory.write(
            "qualifications.csv",
            "badge,kind,level,date,evidence\nCL-00002,it,basic,2019-05-01,C\nCL-00003,it,expert,2019-05-01,C\n")
        let cases: [([String], Int32, String)] = [
            (
                ["staff", "import-qualifications", file], 65,
                "inspectctl: staff import-qualifications: \(file):3: unknown it level 'expert'; use one of basic, advanced\n"
            ),
            (
                [
                    "staff", "qualify", "CL-00002", "--kind", "language", "--level", "B2", "--date", "2019-05-01",
                    "--evidence", "C",
                ], 65,
                "inspectctl: staff qualify: a language qualification needs its field (the language)\n"
            ),
            (
                [
                    "staff", "qualify", "CL-00002", "--kind", "it", "--level", "basic", "--date", "01/05/2019",
                    "--evidence", "C",
                ], 65,
                "inspectctl: staff qualify: --date '01/05/2019' is not a date; use YYYY-MM-DD\n"
            ),
            (
                ["staff", "level", "CL-00009", "commune", "--reason", "x"], 66,
                "inspectctl: staff level: no staff badge 'CL-00009'\n"
            ),
            (["staff", "level", "CL-00002", "ward", "--reason", "x"], 64, ""),
            (
                ["staff", "title", "CL-00002", "tu-phap-ho-tich", "--reason", "x"], 65,
                "inspectctl: staff title: no title"
            ),
        ]
        for (arguments, status, message) in cases {
            let result = try cli.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
        }
        #expect(try cli.dump() == before)
    }

    @Test("titles come from titles.conf next to the configuration, and a title change sets the listed title")
    func titles() throws {
        let cli = try CLIFixture.seeded()
        cli.directory.write("titles.conf", "[Title tu-phap-ho-tich]\nName=Tư pháp – hộ tịch\nLevel=commune\n")
        #expect(try cli.json([StaffTitle].self, ["staff", "titles"]).map(\.code) == ["tu-phap-ho-tich"])
        try cli.ok(["staff", "title", "CL-00002", "tu-phap-ho-tich", "--reason", "Bổ nhiệm", "--evidence", "QĐ 15"])
        let profile = try cli.json(StaffProfile.self, ["staff", "profile", "CL-00002"])
        #expect(profile.title == "tu-phap-ho-tich" && profile.titleName == "Tư pháp – hộ tịch")
        #expect(try cli.ok(["staff", "show", "CL-00002"]).contains("Tư pháp – hộ tịch"))
    }
}
