import Foundation
import InspectCore
import InspectService
import InspectTesting
import Testing

/// `standards check`, `report standards` and `staff import-profile` through the real `inspectctl`, directly and
/// through the daemon; a reader's line is their own; and the article's figures from the sample in `demo/standards`.
@Suite("Qualification standards from the command line", .serialized)
struct CLIStandardsTests {
    static let files = [
        "titles.conf": "[Title tu-phap-ho-tich]\nName=Tư pháp – hộ tịch\nLevel=commune\n",
        "standards.conf": """
        [Standard xa]
        Level=commune
        Category=civil-servant
        Education=bachelor
        IT=basic
        Basis=NĐ 33/2023
        [Standard tp]
        Title=tu-phap-ho-tich
        Education=bachelor
        EducationField=Luật
        Basis=Luật Hộ tịch 2014
        [Standard cb]
        Level=commune
        Category=cadre
        PoliticalTheory=intermediate
        Basis=NĐ 33/2023
        """,
    ]

    /// The seeded fixture's three people with their levels, CL-00002's title and everyone's qualifications.
    static func profiled(mode: CLIMode) throws -> CLIFixture {
        let cli = try CLIFixture.seeded(mode: mode, files: files)
        let profile = cli.directory.write(
            "profile.csv",
            """
            badge,aspect,value,date,reason,evidence
            CL-00001,level,commune,2016-06-01,Bầu cử,
            CL-00002,level,commune,2015-01-05,Tuyển dụng,
            CL-00002,title,tu-phap-ho-tich,2015-01-05,Bố trí,QĐ 15
            CL-00003,level,commune,2014-03-01,Tuyển dụng,

            """)
        #expect(try cli.ok(["staff", "import-profile", profile]) == "Imported 4 levels and titles from \(profile).\n")
        let qualifications = cli.directory.write(
            "qualifications.csv",
            """
            badge,kind,level,date,evidence,field
            CL-00001,political-theory,intermediate,2017-05-01,Bằng 1,
            CL-00002,education,bachelor,2012-06-30,Bằng 2,Luật
            CL-00003,education,college,2010-06-30,Bằng 3,Kế toán
            CL-00003,it,basic,2013-01-01,Chứng chỉ 4,

            """)
        try cli.ok(["staff", "import-qualifications", qualifications])
        return cli
    }

    @Test("who meets their standard on a day, and what the others lack", arguments: CLIMode.allCases)
    func check(mode: CLIMode) throws {
        let cli = try Self.profiled(mode: mode)
        func lines(_ extra: [String]) throws -> [String] {
            try cli.json([StandardCheck].self, ["standards", "check"] + extra).map {
                "\($0.badge) \($0.standard ?? "-") \($0.status.rawValue) \($0.missing.map(\.description))"
            }
        }
        #expect(
            try lines([]) == [
                "CL-00001 cb meets []", "CL-00002 tp meets []", "CL-00003 xa falls-short [\"education bachelor\"]",
            ])
        #expect(
            try lines(["--as-of", "2016-12-31"]) == [
                "CL-00001 cb falls-short [\"political-theory intermediate\"]", "CL-00002 tp meets []",
                "CL-00003 xa falls-short [\"education bachelor\"]",
            ])
        #expect(
            try lines(["--as-of", "2015-01-01"]) == [
                "CL-00001 - no-level []", "CL-00002 - no-level []", "CL-00003 xa falls-short [\"education bachelor\"]",
            ])
        #expect(try lines(["--office", "UBND-BANGHUU"]) == ["CL-00003 xa falls-short [\"education bachelor\"]"])
        let text = try cli.ok(["standards", "check", "--as-of", "2016-12-31"])
        #expect(text.contains("political-theory intermediate"))
        #expect(
            text.hasSuffix(
                "As of 2016-12-31: 1 of 3 measured meet their standard, 2 fall short; 0 without a "
                    + "standard, 0 without a level.\n"))
        let listed = try cli.json([Standard].self, ["standards", "list"])
        #expect(listed.map(\.name) == ["xa", "tp", "cb"])
    }

    @Test(
        "bad options and bad rows are refused with their reason, and the database is unchanged",
        arguments: CLIMode.allCases)
    func refused(mode: CLIMode) throws {
        let cli = try CLIFixture.seeded(mode: mode, files: Self.files)
        let before = try cli.dump()
        let profile = cli.directory.write(
            "profile.csv",
            "badge,aspect,value,date,reason\nCL-00002,level,commune,2015-01-05,Tuyển dụng\nCL-00003,rank,x,2015-01-05,r\n"
        )
        let cases: [([String], Int32, String)] = [
            (
                ["staff", "import-profile", profile], 65,
                "inspectctl: staff import-profile: \(profile):3: unknown aspect 'rank'; use level or title\n"
            ),
            (
                ["standards", "check", "--as-of", "31/12/2018"], 65,
                "inspectctl: standards check: --as-of '31/12/2018' is not a date; use YYYY-MM-DD\n"
            ),
            (["standards", "check", "--office", "NOWHERE"], 66, "inspectctl: standards check: no office"),
            (
                ["report", "standards", "--year", "2018", "--compare", "2018"], 65,
                "inspectctl: report standards: --compare names the report's own year (2018)\n"
            ),
            (
                ["report", "standards", "--year", "1969"], 65,
                "inspectctl: report standards: year 1969 is not from 1970"
            ),
            (["report", "standards", "--year", "2018", "--format", "csv"], 64, ""),
        ]
        for (arguments, status, message) in cases {
            let result = try cli.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
        }
        #expect(try cli.dump() == before)
    }

    @Test(
        "a reader linked to a person sees only their own line, one linked to no one is refused; both read the report",
        .enabled(if: getuid() == 0 && ProcessRunner.which("setpriv") != nil, "needs root and setpriv"))
    func readers() throws {
        let cli = try Self.profiled(mode: .socket)
        chmod(cli.directory.path, 0o755)
        try cli.ok(["staff", "link", "CL-00002", TestUsers.linkedReader.name])
        func run(as user: TestUser, _ arguments: [String]) throws -> ProcessResult {
            try ProcessRunner.run(
                ProcessRunner.which("setpriv")!,
                user.setprivArguments + [BuiltProducts.inspectctl] + arguments + [
                    "--socket", cli.socket, "--config", cli.config,
                ], environment: ["INSPECTD_DATABASE": nil, "INSPECTD_CONFIG": nil])
        }
        let own = try run(as: TestUsers.linkedReader, ["standards", "check", "--json"])
        #expect(own.status == 0, "\(own.stderr)")
        let lines = try JSONDecoder().decode([StandardCheck].self, from: Data(own.stdout.utf8))
        #expect(lines.map(\.badge) == ["CL-00002"])
        let other = try run(as: TestUsers.linkedReader, ["standards", "check", "--office", "UBND-BANGHUU", "--json"])
        #expect(
            try JSONDecoder().decode([StandardCheck].self, from: Data(other.stdout.utf8)).isEmpty, "\(other.stdout)")
        let unlinked = try run(as: TestUsers.reader, ["standards", "check"])
        #expect(unlinked.status == 77)
        #expect(unlinked.stderr.contains("may read only their own record"))
        let report = try run(as: TestUsers.reader, ["report", "standards", "--year", "2018", "--json"])
        #expect(report.status == 0, "\(report.stderr)")
        let counted = try JSONDecoder().decode(StandardsReport.self, from: Data(report.stdout.utf8))
        #expect(counted.shares.map(\.current.people) == [1, 2, 3])
    }

    @Test("the sample of demo/standards gives the article's figures: 81% (+10 points) and 88,4% (+6 points)")
    func article() throws {
        let repository = BuiltProducts.repository
        var files: [String: String] = [:]
        for name in ["titles.conf", "standards.conf"] {
            files[name] = try String(contentsOfFile: "\(repository)/etc/inspectd/\(name)", encoding: .utf8)
        }
        let cli = try CLIFixture(mode: .direct, files: files)
        let sample = "\(repository)/demo/standards"
        try cli.ok(["office", "import", "\(sample)/offices.csv"])
        try cli.ok(["staff", "import", "\(sample)/staff.csv"])
        try cli.ok(["staff", "import-profile", "\(sample)/profile.csv"])
        try cli.ok(["staff", "import-qualifications", "\(sample)/qualifications.csv"])
        let text = try cli.ok(["report", "standards", "--year", "2018", "--compare", "2016", "--lang", "vi"])
        // The narrative is wrapped to the terminal's width.
        let narrative = text.replacingOccurrences(of: "\n", with: " ")
        #expect(narrative.contains("81% cán bộ cấp xã (+10 điểm so với năm 2016)"), "\(text)")
        #expect(narrative.contains("88,4% công chức cấp xã (+6 điểm so với năm 2016)"), "\(text)")
        #expect(narrative.contains("98,8% công chức cấp huyện (+5,8 điểm so với năm 2016)"), "\(text)")
        let rows = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.contains(["cán", "bộ", "cấp", "xã", "211", "171", "81%", "71%", "+10"]), "\(text)")
        #expect(rows.contains(["công", "chức", "cấp", "xã", "199", "176", "88,4%", "82,4%", "+6"]), "\(text)")
        let report = try cli.json(StandardsReport.self, ["report", "standards", "--year", "2018", "--compare", "2016"])
        let commune = report.shares.filter { $0.level == .commune && $0.category != nil }
        #expect(commune.map(\.current.people) == [211, 199])
        #expect(commune.map(\.previous?.people) == [200, 199])
        #expect(commune.map(\.change) == [Tenths(tenths: 100), Tenths(tenths: 60)])
    }
}
