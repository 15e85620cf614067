import Foundation
import InspectService
import InspectTesting
import Testing

@Suite("inspectctl export and the imports that read it back", .serialized)
struct CLIExportTests {
    static let tables = ["offices", "staff", "inspections", "findings"]

    /// Exports every table of `cli` as CSV files in its directory, named `<table>.<suffix>.csv`.
    private func export(_ cli: CLIFixture, suffix: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for table in Self.tables {
            let path = cli.directory.file("\(table).\(suffix).csv")
            try cli.ok(["export", table, "--output", path])
            files[table] = try String(contentsOfFile: path, encoding: .utf8)
        }
        return files
    }

    @Test("export, import into a fresh database, export again: the same files, the same report")
    func roundTrip() throws {
        // Given the sample district, with a retired person and a retired office
        let source = try ReportFixture.make()
        try source.ok(["office", "add", "BQL-CU", "--name", "Ban quản lý cũ", "--parent", "UBND-CHILANG"])
        try source.ok(["office", "retire", "BQL-CU"])
        try source.ok(["staff", "retire", "CL-104"])
        let first = try export(source, suffix: "first")
        #expect(first["findings"]?.contains("\"Phòng tiếp dân có tàn thuốc, không có người trực\"") == true)

        // When it is imported into a fresh database
        let target = try CLIFixture()
        try target.ok(["office", "import", source.directory.file("offices.first.csv")])
        try target.ok(["staff", "import", source.directory.file("staff.first.csv")])
        let imported = try target.ok([
            "inspection", "import", source.directory.file("inspections.first.csv"), "--findings",
            source.directory.file("findings.first.csv"),
        ])
        #expect(imported.contains("Imported 16 inspections"))

        // Then exporting again gives the same files, and every report the same figures
        let second = try export(target, suffix: "second")
        for table in Self.tables { #expect(first[table] == second[table], "\(table)") }
        for table in ["offices", "staff", "inspections"] {
            #expect(try source.ok(["export", table, "--json"]) == target.ok(["export", table, "--json"]), "\(table)")
        }
        let report = ["report", "summary", "--json", "--from", "2025-10-01", "--to", "2026-04-01", "--by", "category"]
        #expect(try source.ok(report) == target.ok(report))
        #expect(try target.ok(["verify"]).contains("Finding chain: ok"))
    }

    @Test("a bad row in an inspections file is reported by line and nothing is written")
    func allOrNothing() throws {
        let cli = try CLIFixture.seeded()
        let before = try cli.dump()
        let file = cli.directory.write(
            "inspections.csv",
            """
            id,office,kind,status,opened_at,closed_at,checked
            7,UBND-BANGHUU,ad-hoc,closed,2026-03-02 08:00,2026-03-02 10:00,12
            1,UBND-BANGHUU,ad-hoc,closed,2026-03-03 08:00,2026-03-03 10:00,5

            """)
        let taken = try cli.run(["inspection", "import", file])
        #expect(taken.status == 65)
        #expect(taken.stderr.contains("inspections.csv:3: inspection '1' already exists"))
        let findings = cli.directory.write(
            "findings.csv",
            """
            inspection,type,staff,observed_at
            7,BADGE,CL-00003,2026-03-02 11:00

            """)
        cli.directory.write(
            "ok.csv",
            "id,office,kind,status,opened_at,closed_at,checked\n7,UBND-BANGHUU,ad-hoc,closed,2026-03-02 08:00,2026-03-02 10:00,12\n"
        )
        let late = try cli.run(["inspection", "import", cli.directory.file("ok.csv"), "--findings", findings])
        #expect(late.status == 65)
        #expect(late.stderr.contains("findings.csv:2: a finding of inspection 7 must be observed while it was open"))
        #expect(try cli.dump() == before)
    }

    @Test("JSON exports carry every field, with local ISO 8601 times")
    func json() throws {
        let cli = try ReportFixture.make()
        let text = try cli.ok(["export", "findings", "--format", "json", "--from", "2026-03-30"])
        let findings = try JSONDecoder().decode([FindingView].self, from: Data(text.utf8))
        // The live inspection's late arrival and the amended finding; the retracted one is not there.
        #expect(findings.map(\.finding.violation) == ["LATE", "DRESS"])
        #expect(text.contains("\"observedAt\" : \"2026-") && text.contains("+07:00\""))
    }

    @Test("the calendar has the planned inspections only, as valid iCalendar read by an independent parser")
    func calendar() throws {
        let cli = try ReportFixture.make()
        let path = cli.directory.file("planned.ics")
        try cli.ok(["export", "calendar", "--format", "ics", "--lang", "vi", "--output", path])
        let python = try #require(ProcessRunner.which("python3"))
        let script = ReportFixture.root.appendingPathComponent("Tests/Scripts/check_ics.py").path
        let checked = try ProcessRunner.run(python, [script, path])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        let calendar = try #require(
            try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any])
        let events = try #require(calendar["events"] as? [[String: Any]])
        // Planned: 1, 3, 6, 8 (cancelled), 9, 11, 13, 14. Never the surprises (2, 4, 7, 12, 15) or the follow-up (5).
        #expect(
            events.compactMap { $0["uid"] as? String }
                == [1, 3, 6, 8, 9, 11, 13, 14].map { "inspection-\($0)@inspectd" })
        #expect(events.first?["start"] as? String == "2025-10-06T00:30:00+00:00")
        #expect(events.first?["summary"] as? String == "Kiểm tra theo kế hoạch: UBND xã Nhân Lý")
        let cancelled = events.first(where: { $0["uid"] as? String == "inspection-8@inspectd" })
        #expect(cancelled?["status"] as? String == "CANCELLED")
        #expect((cancelled?["description"] as? String)?.contains("Trạng thái: đã hủy") == true)
        #expect((events.last?["description"] as? String)?.contains("Kế hoạch: quarterly") == true)
        #expect(calendar["version"] as? String == "2.0")

        let upcoming = try cli.ok(["export", "calendar", "--from", "2027-01-01", "--to", "2027-01-15"])
        #expect(upcoming.components(separatedBy: "BEGIN:VEVENT").count - 1 == 1)
        #expect(!upcoming.contains("inspection-15@inspectd"))
    }
}
