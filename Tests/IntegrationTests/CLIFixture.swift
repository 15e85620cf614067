import Foundation
import InspectTesting
import Testing

/// A temporary database driven through the real `inspectctl` binary.
struct CLIFixture {
    let directory = TemporaryDirectory(prefix: "inspectctl-test")
    var database: String { directory.file("inspectd.db") }
    /// The fixture's own configuration file, so the machine's /etc/inspectd never changes a test's outcome.
    var config: String { directory.file("inspectd.conf") }

    init() {
        directory.write("inspectd.conf", "")
    }

    /// Runs `inspectctl` against this fixture's database (given with `--database`).
    @discardableResult
    func run(_ arguments: [String], environment: [String: String?] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(
            BuiltProducts.inspectctl, arguments + ["--database", database, "--config", config],
            environment: environment.merging(["INSPECTD_DATABASE": nil, "INSPECTD_CONFIG": nil, "LANG": "C.UTF-8"]) {
                mine, _ in mine
            })
    }

    /// Runs `inspectctl` and requires success, returning standard output.
    @discardableResult
    func ok(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 0, "inspectctl \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// The whole database as SQL text, from the `sqlite3` tool: equal dumps mean nothing changed.
    func dump() throws -> String {
        try ProcessRunner.run("/usr/bin/sqlite3", [database, ".dump"]).stdout
    }

    /// Two communes, three staff, and inspection 1 open at Nhân Lý.
    static func seeded() throws -> CLIFixture {
        let fixture = CLIFixture()
        let offices = fixture.directory.write(
            "offices.csv",
            """
            code,name,parent,kind
            UBND-CHILANG,UBND huyện Chi Lăng,,district
            UBND-NHANLY,UBND xã Nhân Lý,UBND-CHILANG,commune
            UBND-BANGHUU,UBND xã Bằng Hữu,UBND-CHILANG,commune

            """)
        let staff = fixture.directory.write(
            "staff.csv",
            """
            badge,name,office,title,category
            CL-00001,Nông Thị Hoa,UBND-NHANLY,Chủ tịch UBND,cadre
            CL-00002,Vi Văn Lâm,UBND-NHANLY,Công chức Tư pháp – Hộ tịch,civil-servant
            CL-00003,Lộc Thị Mai,UBND-BANGHUU,"Công chức Văn phòng, Thống kê",civil-servant

            """)
        try fixture.ok(["office", "import", offices])
        try fixture.ok(["staff", "import", staff])
        try fixture.ok(["inspection", "open", "--office", "UBND-NHANLY", "--team", "Đoàn 1"])
        return fixture
    }
}
