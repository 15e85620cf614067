import Foundation

/// Reading the working calendar from `/etc/inspectd/inspectd.conf` (merged with its drop-ins) and the yearly files in
/// `/etc/inspectd/holidays.d/`.
///
/// ```ini
/// [Calendar]
/// TimeZone=Asia/Ho_Chi_Minh        # IANA name; dates and session times are read in it
/// WorkingDays=Mon..Fri             # names or ranges, separated by spaces or commas
///
/// [Hours]                          # the `default` profile
/// Morning=07:30-11:30              # HH:MM-HH:MM, or "none"
/// Afternoon=13:30-17:00
/// GraceMinutes=5                   # 0–120
///
/// [Hours one-stop]                 # another profile; unset keys are taken from [Hours]
/// Morning=07:00-11:30
///
/// [Season summer]                  # different hours for part of the year
/// Profile=default one-stop         # the profiles it applies to (list; default: default)
/// From=04-16                       # MM-DD, inclusive; To may come before From to wrap the year end
/// To=10-15
/// Morning=07:00-11:30              # unset keys are taken from each profile
/// ```
/// Sections repeat and merge as in systemd; an empty assignment `Key=` restores the default.
extension WorkCalendar {
    /// The sections this configuration reads, for the loader's check of unknown sections.
    public static let configSections = "[Calendar], [Hours], [Hours NAME], [Season NAME]"

    /// Whether `name` is one of `configSections`.
    public static func isConfigSection(_ name: String) -> Bool {
        name == "Calendar" || name == "Hours" || name.hasPrefix("Hours ") || name.hasPrefix("Season ")
    }

    /// Builds the calendar from the merged `inspectd.conf` and the parsed `holidays.d/*.conf` files.
    /// - Throws: `InspectError.invalidConfig` at the offending file and line: an unknown key, a malformed value, an
    ///   unknown time zone or profile, sessions out of order, overlapping seasons, or two holiday files for one year.
    public init(configuration config: IniDocument, holidayFiles: [IniDocument]) throws {
        try config.checkKeys(in: "Calendar", allowed: ["TimeZone", "WorkingDays"])
        let zone = try config.value("TimeZone", in: "Calendar").map(Self.zone) ?? .vietnam
        let workingDays = try config.value("WorkingDays", in: "Calendar").map(Self.weekdays) ?? Self.mondayToFriday
        let settings = try Self.profileSettings(config)
        var profiles = settings.mapValues { SeasonalHours(base: $0.profile) }
        for section in config.sectionNames where section.hasPrefix("Season ") {
            try Self.addSeason(section, from: config, settings: settings, to: &profiles)
        }
        let holidays = HolidayCalendar(
            weeklyRestDays: Set(Weekday.allCases).subtracting(workingDays),
            announcements: try Self.announcements(holidayFiles))
        self.init(zone: zone, profiles: Array(profiles.values), holidays: holidays, workingDays: workingDays)
    }

    /// The settings of `[Hours]` (profile `default`) and of each `[Hours NAME]`, which inherits from `[Hours]`.
    private static func profileSettings(_ config: IniDocument) throws -> [String: HoursSettings] {
        try config.checkKeys(in: "Hours", allowed: HoursSettings.keys)
        let base = try HoursSettings.standard.overridden(by: config, section: "Hours")
        var settings = [HoursProfile.defaultName: base]
        for section in config.sectionNames where section.hasPrefix("Hours ") {
            let name = section.dropFirst("Hours ".count).trimmingSpaces
            let isValid = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
            guard isValid, name != HoursProfile.defaultName else {
                throw config.headerLocation(of: section).error(
                    "invalid profile name '\(name)': use letters, digits, '-', '_' or '.' ([Hours] is the default)")
            }
            try config.checkKeys(in: section, allowed: HoursSettings.keys)
            var profile = try base.overridden(by: config, section: section)
            profile.name = name
            settings[name] = profile
        }
        return settings
    }

    /// The yearly holiday files, at most one per year.
    private static func announcements(_ files: [IniDocument]) throws -> [HolidayAnnouncement] {
        var byYear: [Int: HolidayAnnouncement] = [:]
        for file in files {
            let announcement = try HolidayAnnouncement(document: file)
            guard byYear[announcement.year] == nil else {
                throw IniLocation(path: file.path, line: 0).error(
                    "another holiday file already gives the days of \(announcement.year)")
            }
            byYear[announcement.year] = announcement
        }
        return byYear.values.sorted { $0.year < $1.year }
    }

    private static func zone(_ entry: IniEntry) throws -> LocalZone {
        guard let zone = LocalZone(identifier: entry.value) else {
            throw entry.error("unknown time zone; expected an IANA name like Asia/Ho_Chi_Minh")
        }
        return zone
    }

    /// Parses `Mon..Fri`, `Mon Tue Sat`, `Monday,Wednesday`: names (three letters or full) and ascending ranges.
    private static func weekdays(_ entry: IniEntry) throws -> Set<Weekday> {
        func day(_ text: Substring) throws -> Weekday {
            let name = text.lowercased()
            guard
                let day = Weekday.allCases.first(where: { name == $0.abbreviation.lowercased() || name == $0.fullName })
            else {
                throw entry.error(
                    "\(TerminalText.quoted(text)) is not a day of the week; expected Mon, Tue, … or Mon..Fri")
            }
            return day
        }
        var days: Set<Weekday> = []
        for token in entry.value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            let bounds = token.components(separatedBy: "..").map { Substring($0) }
            guard bounds.count <= 2 else {
                throw entry.error("\(TerminalText.quoted(token)) is not a day or a range like Mon..Fri")
            }
            let (first, last) = (try day(bounds[0]), try day(bounds[bounds.count - 1]))
            guard first <= last else {
                throw entry.error("the range \(TerminalText.quoted(token)) must run from Monday towards Sunday")
            }
            days.formUnion(Weekday.allCases.filter { first <= $0 && $0 <= last })
        }
        guard !days.isEmpty else { throw entry.error("at least one working day is needed") }
        return days
    }

    /// Reads one `[Season NAME]` section and adds the season to each profile it names.
    private static func addSeason(
        _ section: String, from config: IniDocument, settings: [String: HoursSettings],
        to profiles: inout [String: SeasonalHours]
    ) throws {
        try config.checkKeys(in: section, allowed: ["Profile", "From", "To"] + HoursSettings.keys)
        guard let fromEntry = config.value("From", in: section), let toEntry = config.value("To", in: section) else {
            throw config.headerLocation(of: section).error("[\(section)] needs From= and To= (MM-DD)")
        }
        let period = AnnualPeriod(from: try monthDay(fromEntry), to: try monthDay(toEntry))
        let name = section.dropFirst("Season ".count).trimmingSpaces
        let targets = config.values("Profile", in: section).flatMap { entry in
            entry.value.split(separator: " ").map { (name: String($0), entry: entry) }
        }
        for target in targets.isEmpty ? [(HoursProfile.defaultName, fromEntry)] : targets {
            guard let base = settings[target.name], var profile = profiles[target.name] else {
                let known = settings.keys.sorted().joined(separator: ", ")
                throw target.entry.error("no hours profile \(TerminalText.quoted(target.name)); profiles: \(known)")
            }
            if let other = profile.seasons.first(where: { $0.period.overlaps(period) }) {
                throw fromEntry.error(
                    "season '\(name)' overlaps season '\(other.name)' (\(other.period)) of profile '\(target.name)'")
            }
            let hours = try base.overridden(by: config, section: section).profile
            profile.seasons.append(
                .init(name: name, period: period, sessions: hours.sessions, graceMinutes: hours.graceMinutes))
            profiles[target.name] = profile
        }
    }

    private static func monthDay(_ entry: IniEntry) throws -> MonthDay {
        guard let day = MonthDay(parsing: entry.value) else { throw entry.error("expected a day of the year as MM-DD") }
        return day
    }
}

/// The hours keys of a section as read so far, before they become a `HoursProfile`.
///
/// Kept as morning and afternoon (rather than a list of sessions) so a profile or a season can override one of them
/// and inherit the other.
private struct HoursSettings {
    static let keys = ["Morning", "Afternoon", "GraceMinutes"]
    static let standard = HoursSettings(
        name: HoursProfile.defaultName, morning: HoursProfile.standard.sessions[0],
        afternoon: HoursProfile.standard.sessions[1], graceMinutes: HoursProfile.standard.graceMinutes)

    var name: String
    var morning: Session?
    var afternoon: Session?
    var graceMinutes: Int

    /// These settings with the keys of `section` applied.
    /// - Throws: `InspectError.invalidConfig` at the session that leaves no session at all, or an afternoon
    ///   starting before the morning ends.
    func overridden(by config: IniDocument, section: String) throws -> HoursSettings {
        var result = self
        let morningEntry = config.value("Morning", in: section)
        let afternoonEntry = config.value("Afternoon", in: section)
        if let morningEntry { result.morning = try Self.session(morningEntry) }
        if let afternoonEntry { result.afternoon = try Self.session(afternoonEntry) }
        if let entry = config.value("GraceMinutes", in: section) { result.graceMinutes = try entry.int(in: 0...120) }
        // Only this section's session keys can make the pair invalid: inherited settings were checked already.
        guard let latest = afternoonEntry ?? morningEntry else { return result }
        if result.morning == nil && result.afternoon == nil {
            throw latest.error("the hours need a morning or an afternoon session")
        }
        if let morning = result.morning, let afternoon = result.afternoon, afternoon.start < morning.end {
            throw latest.error("the afternoon (\(afternoon)) must not start before the morning (\(morning)) ends")
        }
        return result
    }

    /// The profile these settings describe.
    var profile: HoursProfile {
        HoursProfile(name: name, sessions: [morning, afternoon].compactMap(\.self), graceMinutes: graceMinutes)
    }

    /// `HH:MM-HH:MM`, or `none` for no such session.
    private static func session(_ entry: IniEntry) throws -> Session? {
        entry.value.lowercased() == "none" ? nil : try entry.timeSpan()
    }
}

extension AnnualPeriod {
    /// Whether some day of the year (29 February included) lies in both periods.
    fileprivate func overlaps(_ other: AnnualPeriod) -> Bool {
        let leapYear = CivilDate(year: 2000, month: 1, day: 1)
        return (0..<366).contains { contains(leapYear.adding(days: $0)) && other.contains(leapYear.adding(days: $0)) }
    }
}

extension Weekday {
    /// The full English name in lower case: "monday".
    fileprivate var fullName: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue - 1]
    }
}
