import Foundation
import InspectCore
import InspectService
import InspectTesting
import Testing

@Suite("inspectctl records an inspection", .serialized)
struct CLIRecordTests {
    @Test(
        "a LATE finding gets its minutes from the office's hours and shows up in every listing",
        arguments: CLIMode.allCases)
    func lateFinding(mode: CLIMode) throws {
        let cli = try CLIFixture.seeded(mode: mode)
        // A past working morning, so that the arrival comes before the observation at any hour the test runs.
        try cli.ok(["inspection", "open", "--office", "UBND-BANGHUU", "--at", "2026-11-18T07:45:00+07:00"])
        let logged = try cli.ok([
            "finding", "log", "--inspection", "2", "--type", "LATE", "--staff", "CL-00003", "--arrived", "07:52",
            "--at", "2026-11-18T08:00:00+07:00",
        ])
        #expect(logged == "Logged finding 1: LATE in inspection 2 for CL-00003 (22 min).\n")
        let row = try #require(try cli.json([FindingView].self, ["finding", "list"]).first)
        #expect(row.finding.minutes == 22)
        #expect(row.finding.clockTime == TimeOfDay(hour: 7, minute: 52))
        #expect(row.state == .current)
        #expect(row.severity == .minor)
        #expect(row.finding.observedAt == (try TimeParsing.instant("2026-11-18T08:00:00+07:00", in: .vietnam)))
        // Instants are written in the configured zone.
        #expect(try cli.ok(["--json", "finding", "list"]).contains("\"observedAt\" : \"2026-11-18T08:00:00+07:00\""))
    }

    @Test("global options work before the noun, between noun and verb, and after the verb")
    func globalOptionPlacement() throws {
        let cli = try CLIFixture.seeded()
        for arguments in [
            ["--json", "office", "list"], ["office", "--json", "list"], ["office", "list", "--json"],
        ] {
            let offices = try JSONDecoder().decode([Office].self, from: Data(try cli.ok(arguments).utf8))
            #expect(offices.count == 3, "\(arguments)")
        }
        let direct = try ProcessRunner.run(
            BuiltProducts.inspectctl, ["--database", cli.database, "office", "show", "UBND-NHANLY"])
        #expect(direct.status == 0)
        #expect(direct.stdout.contains("UBND xã Nhân Lý"))
    }

    @Test("$INSPECTD_DATABASE names the database when --database is absent")
    func databaseFromEnvironment() throws {
        let cli = try CLIFixture.seeded()
        let result = try ProcessRunner.run(
            BuiltProducts.inspectctl, ["staff", "list", "--office", "UBND-BANGHUU"],
            environment: ["INSPECTD_DATABASE": cli.database])
        #expect(result.status == 0)
        #expect(result.stdout.contains("CL-00003"))
    }

    @Test("amend and retract add rows; the original stays and the chain verifies", arguments: CLIMode.allCases)
    func corrections(mode: CLIMode) throws {
        let cli = try CLIFixture.seeded(mode: mode)
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-00001"])
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "SMOKE"])
        #expect(
            try cli.ok(["finding", "amend", "1", "--reason", "wrong person", "--staff", "CL-00002"])
                == "Amended finding 1 as finding 3.\n")
        try cli.ok(["finding", "retract", "2", "--reason", "not in the office"])
        let current = try cli.ok(["finding", "list"])
        #expect(current.contains("CL-00002"))
        #expect(!current.contains("SMOKE"))
        let history = try cli.ok(["finding", "list", "--history"])
        for state in ["amended", "retracted", "current", "retraction"] { #expect(history.contains(state)) }
        let again = try cli.run(["finding", "amend", "1", "--reason", "again"])
        #expect(again.status == 65)
        #expect(
            again.stderr == "inspectctl: finding amend: finding 1 was already amended by finding 3; correct 3 instead\n"
        )
        #expect(try cli.ok(["verify"]).contains("Finding chain: ok (4 rows)"))
    }

    @Test(
        "a round written up later: amend and retract --at put the corrections at their time in the timeline",
        arguments: CLIMode.allCases)
    func backDatedCorrections(mode: CLIMode) throws {
        // Given a visit on 2 March 2026, recorded afterwards with the times on the spot
        let cli = try CLIFixture.seeded(mode: mode)
        try cli.ok(["inspection", "open", "--office", "UBND-BANGHUU", "--at", "2026-03-02 13:05"])
        try cli.ok([
            "finding", "log", "--inspection", "2", "--type", "LATE", "--staff", "CL-00003", "--arrived", "13:50",
            "--at", "2026-03-02 13:55",
        ])
        try cli.ok(["finding", "log", "--inspection", "2", "--type", "BADGE", "--at", "2026-03-02 14:00"])
        // When the corrections made there are written with their times
        try cli.ok([
            "finding", "amend", "1", "--reason", "Giờ đến ghi nhầm", "--arrived", "13:45", "--at", "2026-03-02 13:58",
        ])
        try cli.ok(["finding", "retract", "2", "--reason", "Có đeo thẻ", "--at", "2026-03-02 14:10"])
        try cli.ok(["inspection", "close", "2", "--checked", "1", "--at", "2026-03-02 15:00"])
        // Then the timeline reads in the visit's time, and the rows keep both times
        let report = try cli.json(OfficeReport.self, ["report", "office", "UBND-BANGHUU"])
        let times = report.timeline.map { "\($0.kind.rawValue) \(LocalZone.vietnam.iso8601($0.at))" }
        #expect(
            times == [
                "inspection-opened 2026-03-02T13:05:00+07:00", "finding-recorded 2026-03-02T13:55:00+07:00",
                "finding-amended 2026-03-02T13:58:00+07:00", "finding-recorded 2026-03-02T14:00:00+07:00",
                "finding-retracted 2026-03-02T14:10:00+07:00", "inspection-closed 2026-03-02T15:00:00+07:00",
            ])
        let rows = try cli.json([FindingView].self, ["finding", "list", "--history"])
        let amendment = try #require(rows.map(\.finding).first { $0.id == 3 })
        #expect(amendment.correctedAt.map(LocalZone.vietnam.iso8601) == "2026-03-02T13:58:00+07:00")
        #expect(LocalZone.vietnam.iso8601(amendment.observedAt) == "2026-03-02T13:55:00+07:00")
        #expect(!LocalZone.vietnam.iso8601(amendment.recordedAt).hasPrefix("2026-03-02"), "written now, not then")
        #expect(try cli.ok(["verify"]).contains("Finding chain: ok (4 rows)"))

        // A correction before the observation, or in the future, is refused and changes nothing
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "SMOKE"])
        let before = try cli.dump()
        let early = try cli.run(["finding", "amend", "5", "--reason", "x", "--note", "y", "--at", "2026-03-02 13:00"])
        #expect(early.status == 65)
        #expect(
            early.stderr == "inspectctl: finding amend: a correction cannot be made before finding 5 was observed\n")
        let future = try cli.run(["finding", "retract", "5", "--reason", "x", "--at", "2099-01-01 08:00"])
        #expect(future.status == 65)
        #expect(future.stderr == "inspectctl: finding retract: a correction cannot be made in the future\n")
        #expect(try cli.dump() == before)
    }

    @Test("violation list --lang vi has Vietnamese headers, names and severities")
    func violationListInVietnamese() throws {
        let cli = try CLIFixture.seeded()
        let lines = try cli.ok(["violation", "list", "--lang", "vi"]).split(separator: "\n")
        #expect(lines.first?.hasPrefix("MÃ") == true)
        #expect(lines.first?.contains("MỨC ĐỘ") == true)
        #expect(lines.first?.contains("CĂN CỨ PHÁP LÝ") == true)
        let late = try #require(lines.first { $0.hasPrefix("LATE ") })
        #expect(late.contains("nhẹ") || late.contains("trung bình") || late.contains("nghiêm trọng"))
        #expect(!late.contains("minor") && !late.contains("moderate"))
    }

    @Test("closing records the staff checked; staff move keeps history", arguments: CLIMode.allCases)
    func closeAndMove(mode: CLIMode) throws {
        let cli = try CLIFixture.seeded(mode: mode)
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-00001"])
        // Nhân Lý has two staff on the roster: counting 18 needs a reason, which goes to the journal with the close.
        let tooMany = try cli.run(["inspection", "close", "1", "--checked", "18"])
        #expect(tooMany.status == 65)
        #expect(tooMany.stderr.contains("--checked 18 is more than the 2 active staff of the office"))
        let reason = "cán bộ không chuyên trách cũng được kiểm tra"
        #expect(
            try cli.ok(["inspection", "close", "1", "--checked", "18", "--beyond-staff", reason]).contains(
                "18 staff checked"))
        #expect(
            try cli.ok(["status", "--events", "20"]).contains(
                "closed by root: 18 staff checked, 1 violation (more than its 2 staff: \(reason))"))
        let detail = try cli.json(InspectionDetail.self, ["inspection", "show", "1"])
        #expect(detail.inspection.status == .closed)
        #expect(detail.inspection.checked == 18)
        #expect(detail.findings.count == 1)
        try cli.ok(["staff", "move", "CL-00002", "--to", "UBND-BANGHUU"])
        let staff = try cli.json(StaffDetail.self, ["staff", "show", "CL-00002"])
        #expect(staff.history.map(\.office) == ["UBND-NHANLY", "UBND-BANGHUU"])
    }

    @Test(
        "staff link ties a person to a login, whoami shows it, and bad links change nothing",
        arguments: CLIMode.allCases)
    func linkLogins(mode: CLIMode) throws {
        let cli = try CLIFixture.seeded(mode: mode)
        #expect(try cli.ok(["staff", "link", "CL-00002", "hoa"]).hasPrefix("Linked CL-00002 ("))
        #expect(try cli.json(StaffDetail.self, ["staff", "show", "CL-00002"]).staff.login == "hoa")
        #expect(try cli.ok(["staff", "show", "CL-00002"]).contains("Login:    hoa"))
        #expect(try cli.json(Identity.self, ["whoami"]).role == .admin)

        let before = try cli.dump()
        let taken = try cli.run(["staff", "link", "CL-00003", "hoa"])
        #expect(taken.status == 65)
        #expect(taken.stderr == "inspectctl: staff link: login hoa is already linked to staff CL-00002\n")
        let malformed = try cli.run(["staff", "link", "CL-00003", "Hoà Nông"])
        #expect(malformed.status == 65)
        #expect(malformed.stderr.hasPrefix("inspectctl: staff link: login 'Hoà Nông' is not a user name"))
        #expect(try cli.run(["staff", "link", "CL-09999", "lam"]).status == 66)
        #expect(try cli.dump() == before)

        #expect(try cli.ok(["staff", "unlink", "CL-00002"]).hasPrefix("Unlinked CL-00002 ("))
        #expect(!(try cli.ok(["staff", "show", "CL-00002"]).contains("Login:")))
    }

    @Test("verify names the first bad row after the sqlite3 tool edits or deletes one")
    func verifyAfterTampering() throws {
        let cli = try CLIFixture.seeded()
        for _ in 1...4 { try cli.ok(["finding", "log", "--inspection", "1", "--type", "DRESS"]) }
        let sqlite = "/usr/bin/sqlite3"
        _ = try ProcessRunner.run(
            sqlite, [cli.database, "DROP TRIGGER finding_is_not_updated; UPDATE finding SET note = 'x' WHERE id = 2;"])
        let edited = try cli.run(["verify"])
        #expect(edited.status == 65)
        #expect(edited.stderr.contains("finding 2: contents do not match its hash"))

        let other = try CLIFixture.seeded()
        for _ in 1...4 { try other.ok(["finding", "log", "--inspection", "1", "--type", "DRESS"]) }
        _ = try ProcessRunner.run(
            sqlite, [other.database, "DROP TRIGGER finding_is_not_deleted; DELETE FROM finding WHERE id = 3;"])
        let deleted = try other.run(["verify"])
        #expect(deleted.status == 65)
        #expect(deleted.stderr.contains("finding 4: prev_hash does not match the hash of finding 2"))
    }

    @Test("--help explains each command")
    func help() throws {
        let result = try ProcessRunner.run(BuiltProducts.inspectctl, ["finding", "log", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--arrived"))
        #expect(result.stdout.contains("07:30–11:30"))
    }
}
