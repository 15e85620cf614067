import Foundation
import InspectCore
import InspectService
import InspectTesting
import Testing

/// Listings travel in pages of 1,000 rows (`Page`): through the socket a listing of any length arrives whole, row
/// for row the same as read directly from the file, and an export to a file appears only once complete.
@Suite("Listings longer than a page", .serialized)
struct CLIPagingTests {
    /// More than two pages of each kind of row.
    static let rows = 2345

    /// The sample of ``CLIFixture/seeded(mode:)`` through a daemon, with ``rows`` more findings, staff and closed
    /// inspections imported.
    private func fixture() throws -> CLIFixture {
        let cli = try CLIFixture.seeded(mode: .socket)
        var findings = "inspection,type,staff,observed_at,arrived,left,note\n"
        for row in 1...Self.rows { findings += "1,SMOKE,,,,,\"tàn thuốc, lần \(row)\"\n" }
        try cli.ok(["finding", "import", cli.directory.write("findings.csv", findings)])
        var staff = "badge,name,office,title,category\n"
        for row in 1...Self.rows { staff += "PG-\(row),Người \(row),UBND-BANGHUU,,civil-servant\n" }
        try cli.ok(["staff", "import", cli.directory.write("staff.csv", staff)])
        var inspections =
            "id,office,kind,status,plan,due_at,window_end,team,opened_at,opened_by,closed_at,closed_by,checked,"
            + "cancel_reason\n"
        for row in 1...Self.rows {
            let day = String(format: "2025-%02d-%02d", row % 12 + 1, row % 28 + 1)
            inspections +=
                "\(100 + row),UBND-BANGHUU,ad-hoc,closed,,,,Đoàn \(row),\(day)T08:00:00+07:00,root,"
                + "\(day)T09:00:00+07:00,root,1,\n"
        }
        try cli.ok(["inspection", "import", cli.directory.write("inspections.csv", inspections)])
        return cli
    }

    /// `inspectctl` on the same file directly, while the daemon runs.
    private func direct(_ cli: CLIFixture, _ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run(
            BuiltProducts.inspectctl, arguments + ["--database", cli.database, "--config", cli.config],
            environment: ["INSPECTD_DATABASE": nil, "INSPECTD_CONFIG": nil, "INSPECTD_SOCKET": nil, "LANG": "C.UTF-8"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    @Test("finding, staff and inspection listings and exports of several pages arrive whole and in order")
    func listingsArriveWhole() throws {
        let cli = try fixture()
        /// Decodes a listing's rows as the type the command printed and gives each row's key.
        func keys<Row: Decodable>(_: Row.Type, _ key: @escaping (Row) -> String) -> (String) throws -> [String] {
            { text in try JSONDecoder().decode([Row].self, from: Data(text.utf8)).map(key) }
        }
        let findings = keys(FindingView.self) { "\($0.finding.id)" }
        let staff = keys(Staff.self, \.badge)
        let inspections = keys(Inspection.self) { "\($0.id)" }
        let listings: [(arguments: [String], count: Int, keys: (String) throws -> [String])] = [
            (["finding", "list", "--json"], Self.rows, findings),
            (["export", "findings", "--json"], Self.rows, findings),
            (["staff", "list", "--json"], Self.rows + 3, staff),
            (["export", "staff", "--json"], Self.rows + 3, staff),
            (["inspection", "list", "--json"], Self.rows + 1, inspections),
            (["export", "inspections", "--json"], Self.rows + 1, inspections),
        ]
        for listing in listings {
            let text = try cli.ok(listing.arguments)
            let keys = try listing.keys(text)
            #expect(keys.count == listing.count, "\(listing.arguments)")
            #expect(Set(keys).count == keys.count, "\(listing.arguments): a row came twice")
            #expect(text == (try direct(cli, listing.arguments)), "\(listing.arguments)")
        }
        for arguments in [["finding", "list"], ["export", "findings"], ["export", "staff"], ["inspection", "list"]] {
            let text = try cli.ok(arguments)
            #expect(text == (try direct(cli, arguments)), "\(arguments)")
        }
        let table = try cli.ok(["finding", "list"]).split(separator: "\n")
        #expect(table.count == Self.rows + 1)
        #expect(table.filter { $0.hasPrefix("ID ") }.count == 1, "one header for all pages")
    }

    @Test("an export to a file is written beside it and appears whole, and a failed one leaves nothing")
    func exportToFile() throws {
        let cli = try fixture()
        let path = cli.directory.file("findings.out.csv")
        try cli.ok(["export", "findings", "--output", path])
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == (try cli.ok(["export", "findings"])))
        #expect(written.split(separator: "\n").count == Self.rows + 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter {
            $0.contains(".partial-")
        }
        #expect(leftovers.isEmpty)
        let missing = cli.directory.file("no-such-directory/findings.csv")
        let failed = try cli.run(["export", "findings", "--output", missing])
        #expect(failed.status == 73)
        #expect(failed.stderr.hasPrefix("inspectctl: cannot write"))
    }
}
