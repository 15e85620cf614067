import Foundation
import InspectTesting
import Testing

@Suite("inspectctl calendar, holidays and lunar")
struct CLICalendarTests {
    let shippedConfig = BuiltProducts.repository + "/etc/inspectd/inspectd.conf"

    func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(BuiltProducts.inspectctl, arguments + ["--config", shippedConfig])
    }

    @Test("holidays of a year with a shipped announcement come from its file, with file:line")
    func announcedYear() throws {
        let result = try run(["--json", "holidays", "2026"])
        #expect(result.status == 0)
        let days = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: String]] ?? []
        let tet = days.filter { $0["name"] == "Lunar New Year" }.compactMap { $0["date"] }
        #expect(tet.first == "2026-02-14")
        #expect(tet.last == "2026-02-22")
        #expect(days.allSatisfy { $0["source"]?.contains("holidays.d/2026.conf:") == true })
    }

    @Test("holidays of another year are computed, Vietnamese names with --lang vi")
    func computedYear() throws {
        let result = try run(["holidays", "2030", "--lang", "vi"])
        #expect(result.status == 0)
        // Tết 2030 falls on 2 February in Vietnam (3 February in China): the break is its eve and four days after.
        #expect(result.stdout.contains("2030-02-01  Fri  holiday  Tết Nguyên đán"))
        #expect(result.stdout.contains("2030-02-05  Tue  holiday  Tết Nguyên đán"))
        #expect(result.stdout.contains("Giỗ Tổ Hùng Vương"))
        #expect(!result.stdout.contains("2030-02-06  Wed  holiday  Tết"))
    }

    @Test("lunar converts both ways, with Vietnam's dates where China's differ")
    func lunar() throws {
        #expect(try run(["lunar", "2007-02-17"]).stdout == "Solar 2007-02-17 = lunar day 1 of month 1, year 2007\n")
        let json = try run(["--json", "lunar", "2009-03-10", "--to-solar"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["solar"] as? String == "2009-04-04")
        let bad = try run(["lunar", "2027-02-31"])
        #expect(bad.status == 65)
        let missingLeap = try run(["lunar", "2027-05-01", "--to-solar", "--leap"])
        #expect(missingLeap.status == 65)
    }

    @Test("calendar prints systemd-analyze's report and points at a bad expression")
    func calendar() throws {
        let result = try run(["calendar", "Mon..Fri *-*-* 08:00", "--iterations", "2", "--from", "2027-02-05 09:00"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Normalized form: Mon..Fri *-*-* 08:00:00\n"))
        #expect(result.stdout.contains("    Next elapse: Mon 2027-02-08 08:00:00 +07\n"))
        #expect(result.stdout.contains("       Iter. #2: Tue 2027-02-09 08:00:00 +07\n"))
        let bad = try run(["calendar", "*-*-32 08:00"])
        #expect(bad.status == 65)
        #expect(
            bad.stderr
                == "inspectctl: calendar: invalid calendar expression '*-*-32 08:00': day 32 is out of range 1..31\n")
    }
}
