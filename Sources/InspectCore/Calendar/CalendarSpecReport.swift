import Foundation

/// What `inspectctl calendar EXPR [--iterations N] [--from TIME]` shows: an expression, its normalized form and its
/// next elapses, laid out as `systemd-analyze calendar` lays them out so that administrators can compare the two.
///
/// ```
///   Original form: Mon..Fri 08:00
/// Normalized form: Mon..Fri *-*-* 08:00:00
///     Next elapse: Mon 2027-03-01 08:00:00 +07
///        (in UTC): Mon 2027-03-01 01:00:00 UTC
///        From now: 1 day 22h left
///        Iter. #2: Tue 2027-03-02 08:00:00 +07
/// ```
///
/// Times show in `zone`, the service's zone, whatever zone the expression names (systemd shows them in the zone of
/// the process). Zone abbreviations come from Foundation, which lacks some of the time-zone database's: where it has
/// none, the offset is shown the way the database writes such zones (`+07`, `+0530`), so Europe/Berlin shows `+01`
/// where systemd shows `CET`.
public struct CalendarSpecReport: Sendable, Equatable {
    /// The expression as given.
    public let original: String
    /// The expression as systemd normalizes it.
    public let normalized: String
    /// The moment the elapses are counted from ("now", or `--from`).
    public let from: Instant
    /// The zone times are shown in, and the expression's wall clock unless it names its own zone.
    public let zone: LocalZone
    /// The next elapses after `from`, in microseconds since 1970-01-01 UTC; empty when the expression never elapses
    /// again.
    public let elapses: [Int64]

    /// Parses `expression` and computes up to `iterations` elapses after `from`, each from the one before, as
    /// `systemd-analyze calendar --iterations` does.
    /// - Throws: `InspectError.invalidInput` for a malformed expression or an iteration count below 1.
    public init(expression: String, iterations: Int, from: Instant, zone: LocalZone) throws {
        guard iterations >= 1 else {
            throw InspectError.invalidInput("the number of iterations must be at least 1, not \(iterations)")
        }
        let spec = try CalendarSpec.parse(expression)
        var elapses: [Int64] = []
        var current = from.seconds * Int64(CalendarComponent.microsecondsPerSecond)
        while elapses.count < iterations, let next = spec.nextElapse(afterMicroseconds: current, in: zone) {
            elapses.append(next)
            current = next
        }
        self.original = expression
        self.normalized = spec.normalized
        self.from = from
        self.zone = zone
        self.elapses = elapses
    }

    /// The report's lines, without trailing newlines. "Original form" is left out when the expression is already in
    /// normal form, and "(in UTC)" when the zone is UTC, as systemd does.
    public var lines: [String] {
        var rows: [(String, String)] = []
        if original != normalized { rows.append(("Original form:", original)) }
        rows.append(("Normalized form:", normalized))
        if elapses.isEmpty { rows.append(("Next elapse:", "never")) }
        let showsUTC = !Self.isUTC(zone, at: from)
        for (index, microseconds) in elapses.enumerated() {
            let seconds = microseconds.floorDiv(Int64(CalendarComponent.microsecondsPerSecond))
            rows.append((index == 0 ? "Next elapse:" : "Iter. #\(index + 1):", Self.timestamp(seconds, in: zone)))
            if showsUTC { rows.append(("(in UTC):", Self.timestamp(seconds, in: nil))) }
            let ahead = microseconds - from.seconds * Int64(CalendarComponent.microsecondsPerSecond)
            rows.append(("From now:", Self.relativeTime(ahead)))
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { label, value in String(repeating: " ", count: width - label.count) + label + " " + value }
    }

    // MARK: - Formatting

    /// systemd's timestamp style: `Mon 2027-03-01 08:00:00 +07`, or `… UTC` when `zone` is nil.
    static func timestamp(_ seconds: Int64, in zone: LocalZone?) -> String {
        let local = zone?.local(Instant(seconds: seconds)) ?? LocalZone.utc.local(Instant(seconds: seconds))
        let suffix = zone.map { abbreviation(of: $0, at: seconds) } ?? "UTC"
        return "\(local.date.weekday.abbreviation) \(local.date) \(local.time.fullDescription) \(suffix)"
    }

    /// The zone's abbreviation at `seconds`: a name such as `EST` where Foundation knows one, else the offset as
    /// the time-zone database writes nameless zones (`+07`, `-0330`).
    static func abbreviation(of zone: LocalZone, at seconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        let timeZone = zone.timeZone
        if ["UTC", "GMT", "Etc/UTC", "Etc/UCT", "UCT", "Universal", "Zulu"].contains(timeZone.identifier) {
            return "UTC"
        }
        let style: NSTimeZone.NameStyle =
            timeZone.isDaylightSavingTime(for: date) ? .shortDaylightSaving : .shortStandard
        if let name = timeZone.localizedName(for: style, locale: Locale(identifier: "en_US")),
            !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isUppercase })
        {
            return name
        }
        let offset = timeZone.secondsFromGMT(for: date)
        let minutes = abs(offset) / 60
        let hours = minutes / 60
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return (offset < 0 ? "-" : "+") + two(hours) + (minutes % 60 == 0 ? "" : two(minutes % 60))
    }

    /// Whether `zone` is UTC for systemd's purpose of showing "(in UTC)": no offset and no daylight-saving time.
    static func isUTC(_ zone: LocalZone, at instant: Instant) -> Bool {
        zone.timeZone.secondsFromGMT(for: instant.date) == 0
            && zone.timeZone.nextDaylightSavingTimeTransition(after: instant.date) == nil
    }

    /// A span of time as systemd writes it relative to now: `1 day 21h left`, `11 months 29 days left`,
    /// `59s ago` (a month is 30.44 days, a year 365.25 days).
    public static func relativeTime(_ microseconds: Int64) -> String {
        let suffix = microseconds >= 0 ? "left" : "ago"
        let d = microseconds.magnitude
        let second: UInt64 = 1_000_000
        let (minute, hour, day) = (60 * second, 3600 * second, 86400 * second)
        let (week, month, year) = (7 * day, 2_629_800 * second, 31_557_600 * second)
        let plural = { (value: UInt64, unit: String) in "\(value) \(unit)\(value == 1 ? "" : "s")" }
        let text: String
        switch d {
        case year...: text = plural(d / year, "year") + " " + plural(d % year / month, "month")
        case month...: text = plural(d / month, "month") + " " + plural(d % month / day, "day")
        case week...: text = plural(d / week, "week") + " " + plural(d % week / day, "day")
        case (2 * day)...: text = "\(d / day) days"
        case (25 * hour)...: text = "1 day \((d - day) / hour)h"
        case (6 * hour)...: text = "\(d / hour)h"
        case hour...: text = "\(d / hour)h \(d % hour / minute)min"
        case (5 * minute)...: text = "\(d / minute)min"
        case minute...: text = "\(d / minute)min \(d % minute / second)s"
        case second...: text = "\(d / second)s"
        case 1000...: text = "\(d / 1000)ms"
        case 1...: text = "\(d)us"
        default: return "now"
        }
        return "\(text) \(suffix)"
    }
}
