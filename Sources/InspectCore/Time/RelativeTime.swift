/// Reads the relative times `journalctl --since` and systemd.time(7) accept, so that `inspectctl follow --since
/// -10min` means what it means to `journalctl`.
///
/// - `now`; `today`, `yesterday`, `tomorrow`: local midnight of that day;
/// - `-10min`, `+2h`, `-1d 12h`, `2h 30min ago`: a time span before (`-`, ` ago`) or after (`+`, ` left`) now;
/// - `@1767225600`: Unix seconds.
///
/// A span is one or more numbers, each followed by a unit: `s`, `sec`, `second(s)`; `m`, `min`, `minute(s)`; `h`,
/// `hr`, `hour(s)`; `d`, `day(s)`; `w`, `week(s)`; `M`, `month(s)` (30.44 days); `y`, `year(s)` (365.25 days), as
/// systemd counts them. A number without a unit is seconds. Times are whole seconds: sub-second units are not read.
public enum RelativeTime {
    /// The instant `text` names relative to `now`, days read in `zone`; nil when it is no relative time.
    public static func instant(_ text: String, now: Instant, in zone: LocalZone) -> Instant? {
        let text = text.trimmingSpaces
        switch text.lowercased() {
        case "now": return now
        case "today": return zone.startOfDay(zone.local(now).date)
        case "yesterday": return zone.startOfDay(zone.local(now).date.adding(days: -1))
        case "tomorrow": return zone.startOfDay(zone.local(now).date.adding(days: 1))
        default: break
        }
        if text.hasPrefix("@") {
            return Int64(text.dropFirst()).map { Instant(seconds: $0) }
        }
        var body = Substring(text)
        var sign: Int64
        if body.hasPrefix("-") || body.hasPrefix("+") {
            sign = body.hasPrefix("-") ? -1 : 1
            body = body.dropFirst()
        } else if body.hasSuffix(" ago") {
            sign = -1
            body = body.dropLast(4)
        } else if body.hasSuffix(" left") {
            sign = 1
            body = body.dropLast(5)
        } else {
            return nil
        }
        guard let seconds = span(body) else { return nil }
        return now.adding(seconds: sign * seconds)
    }

    /// Seconds per unit, by every name systemd accepts for it.
    static let units: [String: Int64] = {
        let minute: Int64 = 60
        let hour = 60 * minute
        let day = 24 * hour
        let names: [([String], Int64)] = [
            (["s", "sec", "secs", "second", "seconds"], 1),
            (["m", "min", "mins", "minute", "minutes"], minute),
            (["h", "hr", "hrs", "hour", "hours"], hour),
            (["d", "day", "days"], day),
            (["w", "week", "weeks"], 7 * day),
            (["M", "month", "months"], 2_629_800),
            (["y", "year", "years"], 31_557_600),
        ]
        return Dictionary(uniqueKeysWithValues: names.flatMap { list, seconds in list.map { ($0, seconds) } })
    }()

    /// The longest span read: ten thousand years, far beyond any record, and far from overflowing.
    static let longest: Int64 = 10_000 * 31_557_600

    /// The seconds a span like `2h 30min` or `10min` stands for; nil when it is not one.
    static func span(_ text: Substring) -> Int64? {
        var rest = text.drop(while: { $0 == " " })
        guard !rest.isEmpty else { return nil }
        var total: Int64 = 0
        while !rest.isEmpty {
            let digits = rest.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty, digits.count <= 12, let number = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count).drop(while: { $0 == " " })
            let unit = rest.prefix(while: \.isLetter)
            rest = rest.dropFirst(unit.count).drop(while: { $0 == " " })
            // "M" is months and "m" minutes; longer names may be written in any case.
            guard let seconds = unit.isEmpty ? 1 : units[String(unit)] ?? units[unit.lowercased()] else { return nil }
            let (product, overflow) = number.multipliedReportingOverflow(by: seconds)
            guard !overflow, product <= Self.longest - total else { return nil }
            total += product
        }
        return total
    }
}

extension Character {
    /// `0`–`9` only (not other scripts' digits).
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
