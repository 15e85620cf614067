import Foundation
import InspectCore
import InspectService
import InspectTesting
import Testing

/// The article's 2018 figures from the sample (`demo/chi-lang` with `demo/chi-lang-2018`) through the real
/// `inspectctl` in direct mode: training's "848 lượt, trong đó 89 … 759 …" and the competency tests' bands; bad
/// rows refused with their line; and a reader who sees only their own results and attendances.
@Suite("The cadre sample from the command line", .serialized)
struct CLICadreSampleTests {
    static let demo = BuiltProducts.repository + "/demo"

    /// The communes and towns of the sample (21 in 2018), by code.
    static func communes() throws -> [String] {
        var codes: [String] = []
        for directory in ["chi-lang", "chi-lang-2018"] {
            let text = try String(contentsOfFile: "\(demo)/\(directory)/offices.csv", encoding: .utf8)
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                if fields.count > 3, ["commune", "town"].contains(fields[3]) { codes.append(fields[0]) }
            }
        }
        return codes
    }

    /// A record with the sample's roster, courses and attendances, and test session 1 with its results.
    static func sample() throws -> CLIFixture {
        let cli = try CLIFixture(mode: .direct)
        cli.directory.write(
            "inspectd.conf", try String(contentsOfFile: "\(demo)/chi-lang/inspectd.conf", encoding: .utf8))
        for file in ["titles.conf", "bands.conf"] {
            cli.directory.write(
                file, try String(contentsOfFile: BuiltProducts.repository + "/etc/inspectd/\(file)", encoding: .utf8))
        }
        for directory in ["chi-lang", "chi-lang-2018"] {
            try cli.ok(["office", "import", "\(demo)/\(directory)/offices.csv"])
            try cli.ok(["staff", "import", "\(demo)/\(directory)/staff.csv"])
        }
        try cli.ok(["training", "import-courses", "\(demo)/chi-lang-2018/courses.csv"])
        try cli.ok(["training", "import", "\(demo)/chi-lang-2018/attendances.csv"])
        let titles = [
            "dia-chinh-nong-nghiep-xay-dung-moi-truong", "dia-chinh-xay-dung-do-thi-moi-truong", "tu-phap-ho-tich",
            "van-hoa-xa-hoi",
        ]
        try cli.ok(
            ["tests", "plan", "Sát hạch công chức cấp xã năm 2018", "--on", "2018-10-16"]
                + titles.flatMap { ["--title", $0] } + communes().flatMap { ["--office", $0] })
        try cli.ok(["tests", "import", "1", "\(demo)/chi-lang-2018/test-results.csv"])
        return cli
    }

    @Test("the reports print the article's figures, in Vietnamese, in a table and in HTML with a chart")
    func articleFigures() throws {
        let cli = try Self.sample()
        #expect(try Self.communes().count == 21)
        let training = try cli.ok(["report", "training", "--year", "2018", "--lang", "vi"])
        #expect(training.contains("848 lượt, trong đó 89 lượt đào tạo"), "\(training)")
        #expect(training.contains(", 759 lượt bồi dưỡng"), "\(training)")
        let tests = try cli.ok(["report", "tests", "--session", "1", "--lang", "vi"])
        #expect(tests.contains("106 công chức của 21 cơ quan"), "\(tests)")
        #expect(tests.contains("15,1% giỏi, 30,2% khá, 41,5% trung bình, 13,2% không đạt"), "\(tests)")
        let year = try cli.json(TestReport.self, ["report", "tests", "--year", "2018"])
        #expect(year.total.bands.map(\.count) == [16, 32, 44, 14])
        #expect(year.byTitle.count == 4 && year.byOffice.count == 21)
        let html = try cli.ok(["report", "tests", "--session", "1", "--lang", "vi", "--format", "html"])
        #expect(html.contains("<svg") && html.contains("16 (15,1%)"))
        // A completed master's degree is among the person's qualifications.
        let first = try #require(
            cli.json(Operations.ListAttendances.Reply.self, ["training", "attendances", "--course", "2018-TS-LUAT"])
                .attendances.first)
        let profile = try cli.json(StaffProfile.self, ["staff", "profile", first.badge])
        #expect(
            profile.history.contains {
                $0.value == "master" && $0.field == "Luật" && $0.reason == "completed course 2018-TS-LUAT"
            })
        let period = ["--from", "2018-10-01 00:00", "--to", "2018-11-01 00:00"]
        #expect(try cli.ok(["schedule"] + period).contains("2018-10-16"))
        struct Schedule: Decodable {
            var inspections: [Inspection]
            var testSessions: [TestSession]
        }
        let schedule = try cli.json(Schedule.self, ["schedule"] + period)
        #expect(schedule.testSessions.map(\.day) == [CivilDate(year: 2018, month: 10, day: 16)])
        #expect(try cli.json(VerifyReport.self, ["verify"]).problems.allSatisfy { !$0.contains("test result") })
    }

    @Test("bad rows are refused with their file and line, and the record is unchanged")
    func badRows() throws {
        let cli = try Self.sample()
        let before = try cli.dump()
        let results = cli.directory.write(
            "results.csv", "badge,score,title\nCL-00168,91,dia-chinh-xay-dung-do-thi-moi-truong\nCL-00169,101,\n")
        let attendances = cli.directory.write(
            "attendances.csv", "course,badge\n2018-BD-YTE,CL-00002\n2018-NONE,CL-00002\n")
        let cases: [([String], String)] = [
            (
                ["tests", "import", "1", results],
                "inspectctl: tests import: \(results):2: staff CL-00168 has result"
            ),
            (
                ["training", "import", attendances],
                "inspectctl: training import: \(attendances):3: no course '2018-NONE'"
            ),
        ]
        for (arguments, message) in cases {
            let result = try cli.run(arguments)
            #expect(result.status != 0)
            #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        }
        #expect(try cli.dump() == before)
    }

    @Test(
        "a reader sees only their own results and attendances, and no report",
        .enabled(if: getuid() == 0 && ProcessRunner.which("setpriv") != nil, "needs root and setpriv"))
    func readerSeesOwn() throws {
        let cli = try Self.sample()
        try cli.ok(["staff", "link", "CL-00168", "nobody"])
        chmod(cli.directory.path, 0o777)
        for suffix in ["", "-wal", "-shm"] { chmod(cli.database + suffix, 0o666) }
        func asNobody(_ arguments: [String]) throws -> ProcessResult {
            try ProcessRunner.run(
                ProcessRunner.which("setpriv")!,
                ["--reuid=65534", "--regid=65534", "--clear-groups", BuiltProducts.inspectctl] + arguments
                    + ["--database", cli.database, "--config", cli.config],
                environment: ["INSPECTD_DATABASE": nil, "INSPECTD_SOCKET": nil])
        }
        let results = try asNobody(["tests", "results", "--json"])
        #expect(results.status == 0, "\(results.stderr)")
        let own = try JSONDecoder().decode(Operations.ListTestResults.Reply.self, from: Data(results.stdout.utf8))
        #expect(own.results.map(\.badge) == ["CL-00168"])
        let attendances = try asNobody(["training", "attendances", "--json"])
        let mine = try JSONDecoder().decode(Operations.ListAttendances.Reply.self, from: Data(attendances.stdout.utf8))
        #expect(mine.attendances.allSatisfy { $0.badge == "CL-00168" })
        #expect(try asNobody(["tests", "results", "--staff", "CL-00169"]).status == 77)
        #expect(try asNobody(["report", "tests", "--session", "1"]).status == 77)
    }
}
