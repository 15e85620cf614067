import Foundation
import InspectCore
import InspectTesting
import Testing

/// The files under `etc/inspectd/` are what administrators start from: they must parse, and their examples must work.
@Suite struct ShippedConfigTests {
    private static let directory = URL(fileURLWithPath: BuiltProducts.repository)
        .appendingPathComponent("etc/inspectd")

    private func load(_ name: String, transform: (String) -> String = { $0 }) throws -> IniDocument {
        let url = Self.directory.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try IniDocument(text: transform(text), path: "/etc/inspectd/\(name)")
    }

    @Test("inspectd.conf as shipped gives the compiled defaults")
    func mainFileIsDefaults() throws {
        let calendar = try WorkCalendar(configuration: load("inspectd.conf"), holidayFiles: [])
        #expect(calendar.zone == .vietnam)
        #expect(calendar.workingDays == WorkCalendar.mondayToFriday)
        #expect(calendar.profileNames == ["default"])
        #expect(try calendar.hours(profile: "default", on: CivilDate(year: 2026, month: 7, day: 1)) == .standard)
    }

    @Test("every commented-out key of inspectd.conf, once uncommented, is valid and gives what the comments say")
    func commentedExamplesWork() throws {
        // Uncomment "#Key=value" and "#[Section]" lines, leaving prose comments alone.
        let uncommented = try load("inspectd.conf") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let body = line.dropFirst()
                let isSetting =
                    line.hasPrefix("#")
                    && (body.hasPrefix("[") || body.first?.isUppercase == true && body.contains("="))
                return isSetting ? String(body) : String(line)
            }.joined(separator: "\n")
        }
        #expect(uncommented.entries.count > 10)
        let calendar = try WorkCalendar(configuration: uncommented, holidayFiles: [])
        #expect(calendar.profileNames == ["default", "one-stop"])
        let summer = try calendar.hours(profile: "default", on: CivilDate(year: 2026, month: 4, day: 16))
        #expect(summer.sessions.map(\.description) == ["07:00–11:30", "13:30–17:00"])
        let winter = try calendar.hours(profile: "default", on: CivilDate(year: 2026, month: 4, day: 15))
        #expect(winter.sessions.map(\.description) == ["07:30–11:30", "13:00–16:30"])
        #expect(
            try calendar.hours(profile: "one-stop", on: CivilDate(year: 2026, month: 7, day: 1)).sessions.count == 2)
        let configuration = try InspectConfiguration(main: uncommented, holidayFiles: [], planFiles: [])
        #expect(configuration.followUp == .standard)
    }

    @Test("escalation.conf as shipped: the district's rules, each valid, with a referral for repeat lateness")
    func escalationRules() throws {
        let rules = try EscalationRules(document: load("escalation.conf"))
        #expect(
            rules.rules.map(\.name) == [
                "badge-reminder", "late-referral", "late-reminder", "moderate-correction", "office-correction",
                "serious-correction", "serious-referral",
            ])
        #expect(rules.rules.allSatisfy { $0.enabled && $0.summary != nil })
        let lateReminder = try #require(rules.rules.first { $0.name == "late-reminder" })
        #expect(lateReminder.threshold == 3 && lateReminder.window == .days(30) && lateReminder.level == .reminder)
        let lateReferral = try #require(rules.rules.first { $0.name == "late-referral" })
        #expect(lateReferral.threshold == 5 && lateReferral.window == .days(90) && lateReferral.level == .referral)
        #expect(rules.rules.contains { $0.subject == .office })
        #expect(rules.rules.contains { $0.minSeverity == .serious && $0.threshold == 1 && $0.level == .correction })
    }

    @Test("the drop-in example in escalation.conf, once uncommented, changes and switches off rules as it says")
    func escalationExample() throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent("escalation.conf"), encoding: .utf8)
        let example = text.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("#[Rule") }
            .map { $0.hasPrefix("#") ? String($0.dropFirst()) : String($0) }
            .joined(separator: "\n")
        let main = try load("escalation.conf")
        let dropIn = try IniDocument(text: example, path: "/etc/inspectd/escalation.conf.d/50-local.conf")
        let rules = try EscalationRules(document: .merging(main: main, dropIns: [dropIn]))
        #expect(rules.rules.first { $0.name == "late-reminder" }?.threshold == 2)
        #expect(rules.rules.first { $0.name == "badge-reminder" }?.enabled == false)
    }

    @Test(
        "the shipped holiday files parse, and their Tết and Giỗ Tổ match the lunar calendar", arguments: [2026, 2027])
    func holidayFiles(year: Int) throws {
        let announcement = try HolidayAnnouncement(document: load("holidays.d/\(year).conf"))
        #expect(announcement.year == year)
        #expect(announcement.replacesDefaults)
        let lunar = LunarCalendar.vietnam
        let tet = announcement.daysOff.filter { $0.name == "Lunar New Year" }.map(\.date)
        // The break covers the last day of the old year and the first three of the new.
        #expect((-1...3).allSatisfy { tet.contains(lunar.newYear(of: year).adding(days: $0)) })
        let gioTo = try lunar.solarDate(of: LunarDate(day: 10, month: 3, year: year))
        #expect(announcement.daysOff.contains { $0.date == gioTo && $0.nameVietnamese == "Giỗ Tổ Hùng Vương" })
        // Every computed holiday of the year is a day off in the file, except where the file moved Tết days.
        let listed = Set(announcement.daysOff.map(\.date))
        let computed = StatutoryHolidays.holidays(in: year, lunar: lunar, weeklyRestDays: [.saturday, .sunday])
        #expect(computed.filter { !listed.contains($0.date) && !$0.name.contains("Lunar New Year") }.isEmpty)
    }

    @Test("Tết 2026 is 17 February and Tết 2027 is 6 February, as the shipped files say")
    func tetDates() throws {
        #expect(LunarCalendar.vietnam.newYear(of: 2026) == CivilDate(year: 2026, month: 2, day: 17))
        #expect(LunarCalendar.vietnam.newYear(of: 2027) == CivilDate(year: 2027, month: 2, day: 6))
        let file2026 = try HolidayAnnouncement(document: load("holidays.d/2026.conf"))
        #expect(file2026.makeUpWorkingDays.map(\.date) == [CivilDate(year: 2026, month: 1, day: 10)])
    }
}
