import ArgumentParser
import InspectCore

/// `inspectctl lunar DATE [--to-solar [--leap]]`
struct LunarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lunar", abstract: "Convert between solar dates and Vietnam's lunar calendar.",
        discussion: """
            The lunar calendar is computed at UTC+7, as Vietnam's is; it differs from China's in some years \
            (Tết 2007: 17 February in Vietnam, 18 February in China).

            Examples: inspectctl lunar 2027-02-06        (solar to lunar)
                      inspectctl lunar 2027-03-10 --to-solar   (10th day of the 3rd lunar month of 2027)
            """)

    @Argument(help: "A date YYYY-MM-DD: solar, or lunar with --to-solar.") var date: String
    @Flag(help: "Read DATE as a lunar date and print the solar one.") var toSolar = false
    @Flag(help: "With --to-solar: the month is the leap month.") var leap = false
    @OptionGroup var options: GlobalOptions

    func run() throws {
        guard let parts = Self.fields(date) else {
            throw InspectError.invalidInput("'\(date)' is not a date; use YYYY-MM-DD")
        }
        let lunarCalendar = LunarCalendar.vietnam
        let solar: CivilDate
        let lunar: LunarDate
        if toSolar {
            lunar = LunarDate(day: parts.day, month: parts.month, year: parts.year, isLeapMonth: leap)
            solar = try lunarCalendar.solarDate(of: lunar)
        } else {
            guard !leap else { throw ValidationError("--leap applies only with --to-solar") }
            solar = CivilDate(year: parts.year, month: parts.month, day: parts.day)
            guard solar.isValid, (1900...2199).contains(solar.year) else {
                throw InspectError.invalidInput("'\(date)' is not a date between 1900 and 2199")
            }
            lunar = lunarCalendar.lunarDate(of: solar)
        }
        if options.json { return try Output.json(LunarJSON(solar: solar, lunar: lunar), zone: .vietnam) }
        let leapNote = lunar.isLeapMonth ? (options.settings.language == .vi ? " (nhuận)" : " (leap month)") : ""
        switch options.settings.language {
        case .vi:
            print("Dương lịch \(solar) = âm lịch ngày \(lunar.day) tháng \(lunar.month)\(leapNote) năm \(lunar.year)")
        case .en:
            print("Solar \(solar) = lunar day \(lunar.day) of month \(lunar.month)\(leapNote), year \(lunar.year)")
        }
    }

    /// Year, month and day of `YYYY-MM-DD`, unchecked (a lunar day 30 is not a solar date).
    private static func fields(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2]), (1...13).contains(month), (1...31).contains(day)
        else { return nil }
        return (year, month, day)
    }
}

private struct LunarJSON: Encodable {
    var solar: CivilDate
    var lunar: LunarDate
}
