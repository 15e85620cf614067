/// Reads the times people type: `YYYY-MM-DD HH:MM[:SS]` (local), `YYYY-MM-DD` (local midnight), and ISO 8601
/// with an offset or `Z` (`2027-02-06T07:52:00+07:00`); on the command line also the relative times of
/// `journalctl --since` (`-10min`, `yesterday`, see ``RelativeTime``).
public enum TimeParsing {
    /// Parses `text` as an instant, reading zone-less forms in `zone`.
    /// - Parameter now: When given, relative times (`-10min`, `today`) are read from it too: command-line options
    ///   take them; files (imports) do not, as a row must mean the same whenever it is read.
    /// - Throws: `InspectError.invalidInput` naming the accepted forms.
    public static func instant(_ text: String, in zone: LocalZone, now: Instant? = nil) throws -> Instant {
        let trimmed = text.trimmingSpaces
        if let local = localDateTime(trimmed) { return zone.instant(local) }
        if let iso = iso8601(trimmed) { return iso }
        if let now, let relative = RelativeTime.instant(trimmed, now: now, in: zone) { return relative }
        let relative = now == nil ? "" : ", or relative like '-10min', '-2h', 'yesterday' or 'today'"
        throw InspectError.invalidInput(
            "'\(text)' is not a time; use 'YYYY-MM-DD HH:MM' (local time), ISO 8601 like "
                + "'2027-02-06T07:52:00+07:00'\(relative)")
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` or `YYYY-MM-DDTHH:MM[:SS]` without an offset.
    public static func localDateTime(_ text: String) -> LocalDateTime? {
        if let date = CivilDate(iso: text) {
            return LocalDateTime(date: date, time: TimeOfDay(secondsSinceMidnight: 0))
        }
        let utf8 = text.utf8
        guard utf8.count >= 16 else { return nil }
        let separator = utf8[utf8.index(utf8.startIndex, offsetBy: 10)]
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "T") else { return nil }
        guard let date = CivilDate(iso: Substring(utf8.prefix(10))),
            let time = TimeOfDay(parsing: Substring(utf8.dropFirst(11)))
        else { return nil }
        return LocalDateTime(date: date, time: time)
    }

    /// Parses ISO 8601 with a `Z` or `±HH:MM` suffix.
    static func iso8601(_ text: String) -> Instant? {
        var body = Substring(text)
        var offset = 0
        if body.hasSuffix("Z") || body.hasSuffix("z") {
            body = body.dropLast()
        } else if body.count > 6 {
            let suffix = body.suffix(6)
            let sign = suffix.first
            guard sign == "+" || sign == "-", let time = TimeOfDay(parsing: suffix.dropFirst()) else { return nil }
            offset = (sign == "+" ? 1 : -1) * time.secondsSinceMidnight
            body = body.dropLast(6)
        } else {
            return nil
        }
        guard let local = localDateTime(String(body)) else { return nil }
        let wall = Int64(local.date.dayNumber) * 86400 + Int64(local.time.secondsSinceMidnight)
        return Instant(seconds: wall - Int64(offset))
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    public var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
