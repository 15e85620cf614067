import Foundation

extension CalendarSpec {
    /// Parses a calendar expression as systemd's `OnCalendar=` does.
    ///
    /// Accepts an optional weekday list (`Mon..Fri`, `Sat,Sun`, `monday`), an optional date `[Y-]M-D` or `[Y-]M~D`,
    /// an optional time `H:M[:S]` (fractional seconds allowed), each field `*` or a comma list of values, ranges
    /// (`..`) and repetitions (`/`); or one of the shorthands `minutely`, `hourly`, `daily`, `weekly`, `monthly`,
    /// `quarterly`, `semiannually` (also `semi-annually`, `biannually`, `bi-annually`), `yearly` (also `annually`);
    /// or `@` and Unix seconds. A trailing ` UTC` or IANA zone name sets the zone. Surrounding white space is ignored,
    /// as in a unit file.
    ///
    /// - Throws: `InspectError.invalidInput("invalid calendar expression '…': …")` saying which part is wrong and,
    ///   for syntax errors, at which column.
    public static func parse(_ text: String) throws -> CalendarSpec {
        let trimmed = text.trimmingSpaces
        var parser = CalendarSpecParser(trimmed)
        do {
            return try parser.parse()
        } catch {
            var reason = error.reason
            // "daily +07", "daily europe/berlin": the expression is fine but its last word names no zone we know.
            // A last word no zone name could be ("Sat *-*-~7") is a bad date or time, whose reason stands.
            if let space = trimmed.lastIndex(of: " "), CalendarSpecParser.couldNameZone(trimmed[space...].dropFirst()) {
                var prefix = CalendarSpecParser(String(trimmed[..<space]))
                if (try? prefix.parse()) != nil {
                    reason =
                        "unknown time zone '\(trimmed[space...].dropFirst())'; name an IANA zone such as "
                        + "Asia/Ho_Chi_Minh, or UTC"
                }
            }
            throw InspectError.invalidInput("invalid calendar expression \(TerminalText.quoted(trimmed)): \(reason)")
        }
    }
}

/// The recursive-descent reader behind `CalendarSpec.parse`, written to accept exactly the language of systemd's
/// calendar parser (including its leniencies: `Mon,` with a trailing comma, `Mon-Fri` as a range, two-digit years).
struct CalendarSpecParser {
    struct Failure: Error {
        var reason: String
    }

    /// A field of the expression, with its valid range, for normalization and error messages.
    private struct Field {
        var name: String
        var range: ClosedRange<Int>
        var isSeconds = false

        static let year = Field(name: "year", range: 1970...2199)
        static let month = Field(name: "month", range: 1...12)
        static let day = Field(name: "day", range: 1...31)
        static let hour = Field(name: "hour", range: 0...23)
        static let minute = Field(name: "minute", range: 0...59)
        static let second = Field(
            name: "second", range: 0...(60 * CalendarComponent.microsecondsPerSecond - 1),
            isSeconds: true)
    }

    /// A component as read, before normalization; `stop` is -1 for none, as systemd keeps it.
    private struct Raw {
        var start: Int
        var stop: Int
        var step: Int
    }

    /// What may follow a weekday name, and a value in a date or time field.
    private static let afterWeekday = Set(" ,-.".utf8)
    private static let afterValue = Set(" ,-~:".utf8)
    /// systemd refuses more than this many comma-separated values in one field.
    private static let maximumComponents = 241
    private static let shorthands: [String: String] = [
        "minutely": "*-*-* *:*:00", "hourly": "*-*-* *:00:00", "daily": "*-*-* 00:00:00",
        "monthly": "*-*-01 00:00:00", "weekly": "Mon *-*-* 00:00:00", "yearly": "*-01-01 00:00:00",
        "annually": "*-01-01 00:00:00", "anually": "*-01-01 00:00:00", "quarterly": "*-01,04,07,10-01 00:00:00",
        "semiannually": "*-01,07-01 00:00:00", "semi-annually": "*-01,07-01 00:00:00",
        "biannually": "*-01,07-01 00:00:00", "bi-annually": "*-01,07-01 00:00:00",
    ]
    private static let weekdayNames: [(name: [UInt8], index: Int)] = [
        ("monday", 0), ("mon", 0), ("tuesday", 1), ("tue", 1), ("wednesday", 2), ("wed", 2), ("thursday", 3),
        ("thu", 3), ("friday", 4), ("fri", 4), ("saturday", 5), ("sat", 5), ("sunday", 6), ("sun", 6),
    ].map { (Array($0.0.utf8), $0.1) }

    private let text: String
    private var bytes: [UInt8]
    private var position = 0

    private var weekdayBits = 0
    private var years: [Raw]?
    private var months: [Raw]?
    private var days: [Raw]?
    private var endOfMonth = false
    private var hours: [Raw]?
    private var minutes: [Raw]?
    private var seconds: [Raw]?
    private var zone = CalendarSpec.Zone.local
    private var zoneName: String?

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
    }

    mutating func parse() throws(Failure) -> CalendarSpec {
        splitZone()
        guard !bytes.isEmpty else {
            throw Failure(reason: zone == .local ? "the expression is empty" : "nothing before the time zone")
        }
        let body = String(decoding: bytes, as: UTF8.self)
        if let expansion = Self.shorthands[body.lowercased()] {
            bytes = Array(expansion.utf8)
        } else if ["now", "today", "tomorrow", "yesterday"].contains(body.lowercased()) {
            throw Failure(reason: "'\(body)' is a point in time, not a repeating calendar event")
        }
        try parseWeekdays()
        if try !parseDate() { try parseTime() }
        if position < bytes.count { throw unexpected("the end of the expression") }
        return try makeSpec()
    }

    // MARK: - Time zone

    /// Strips a trailing ` UTC` (any case) or ` Area/Location` naming a known zone, as systemd does before parsing.
    private mutating func splitZone() {
        let suffix = Array(" utc".utf8)
        if bytes.count >= suffix.count && zip(bytes.suffix(suffix.count), suffix).allSatisfy({ lower($0) == $1 }) {
            bytes.removeLast(suffix.count)
            zone = .utc
            return
        }
        guard let space = bytes.lastIndex(of: UInt8(ascii: " ")) else { return }
        let name = String(decoding: bytes[(space + 1)...], as: UTF8.self)
        guard let named = Self.zone(named: name) else { return }
        bytes.removeSubrange(space...)
        zone = .named(named)
        zoneName = name
    }

    /// Whether `word` has the shape of a zone name (`Europe/Berlin`, `UTC`, `+07`, `Etc/GMT-7`): letters, digits,
    /// `/`, `_`, `+` and `-`, with a letter or a `+`; never a date or a time, which have none, or `*`, `~`, `:`.
    static func couldNameZone(_ word: Substring) -> Bool {
        let allowed = { (character: Character) in
            character.isASCII && (character.isLetter || character.isNumber || "/_+-".contains(character))
        }
        return !word.isEmpty && word.allSatisfy(allowed) && word.contains(where: { $0.isLetter || $0 == "+" })
    }

    /// Zone identifiers the ICU library accepts but the IANA database has no file for: the old three-letter ids of
    /// Java's time-zone table. systemd looks zones up as files, so to it these are not zones.
    private static let icuOnlyZones: Set<String> = [
        "ACT", "AET", "AGT", "ART", "AST", "BET", "BST", "CAT", "CNT", "CST", "CTT", "EAT", "ECT", "IET", "IST", "JST",
        "MIT", "NET", "NST", "PLT", "PNT", "PRT", "PST", "SST", "VST",
    ]

    /// The zone with IANA name `name`, if the time-zone database has it under exactly that name (systemd looks the
    /// name up as a file under the zoneinfo directory, so `europe/berlin` and `GMT+7` are not zones to it).
    private static func zone(named name: String) -> LocalZone? {
        let allowed = { (byte: UInt8) in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+")
        }
        let parts = name.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard !name.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed) }),
            !icuOnlyZones.contains(name), !name.hasPrefix("SystemV/"),
            let zone = LocalZone(identifier: name), zone.identifier == name
        else { return nil }
        return zone
    }

    // MARK: - Weekdays

    /// Reads `Mon`, `Monday`, lists with `,`, ranges with `..` (or `-`); leaves the position alone when the
    /// expression does not start with a weekday.
    private mutating func parseWeekdays() throws(Failure) {
        var rangeStart: Int?
        var first = true
        while true {
            guard let (index, length) = weekday(at: position) else {
                if first { return }
                throw unexpected("a weekday")
            }
            let after = byte(at: position + length)
            guard after.map(Self.afterWeekday.contains) ?? true else {
                throw Failure(reason: "unknown weekday '\(word(at: position))' at column \(position + 1)")
            }
            weekdayBits |= 1 << index
            if let start = rangeStart {
                guard start <= index else {
                    throw Failure(
                        reason: "weekday range \(dayName(start))..\(dayName(index)) at column \(position + 1) "
                            + "runs backwards; write it as two ranges")
                }
                for day in start...index { weekdayBits |= 1 << day }
            }
            position += length
            switch after {
            case nil:
                return
            case UInt8(ascii: " "):
                skipSpaces()
                return
            case UInt8(ascii: "."):
                guard rangeStart == nil else { throw Failure(reason: "a weekday range cannot be extended at \(here)") }
                guard byte(at: position + 1) == UInt8(ascii: ".") else { throw unexpected("'..'") }
                rangeStart = index
                position += 2
            case UInt8(ascii: "-"):
                guard rangeStart == nil else { throw Failure(reason: "a weekday range cannot be extended at \(here)") }
                rangeStart = index
                position += 1
            default:
                rangeStart = nil
                position += 1
            }
            if byte(at: position) == nil || byte(at: position) == UInt8(ascii: " ") {
                guard rangeStart == nil else { throw unexpected("the weekday that ends the range") }
                skipSpaces()
                return
            }
            first = false
        }
    }

    private func weekday(at offset: Int) -> (index: Int, length: Int)? {
        for (name, index) in Self.weekdayNames where offset + name.count <= bytes.count {
            if zip(bytes[offset..<(offset + name.count)], name).allSatisfy({ lower($0) == $1 }) {
                return (index, name.count)
            }
        }
        return nil
    }

    private func dayName(_ index: Int) -> String { Weekday(rawValue: index + 1)!.abbreviation }

    // MARK: - Date

    /// Reads `[Y-]M-D` or `[Y-]M~D` or `@SECONDS`; returns true when the expression ends there (`@`), false when a
    /// time may follow. Leaves the position alone when the next part is a time.
    private mutating func parseDate() throws(Failure) -> Bool {
        guard let first = byte(at: position) else { return false }
        if first == UInt8(ascii: "@") {
            try parseTimestamp()
            return true
        }
        let start = position
        let firstChain = try parseChain(.year)
        if byte(at: position) == nil || byte(at: position) == UInt8(ascii: ":") {
            position = start
            return false
        }
        try dateSeparator()
        let secondChain = try parseChain(.month)
        if byte(at: position) == nil || byte(at: position) == UInt8(ascii: " ") {
            skipSpaces()
            (months, days) = (firstChain, secondChain)
            return false
        }
        if endOfMonth {
            throw Failure(reason: "'~' may only separate the month and the day")
        }
        try dateSeparator()
        let thirdChain = try parseChain(.day)
        guard byte(at: position) == nil || byte(at: position) == UInt8(ascii: " ") else {
            throw unexpected("a space before the time")
        }
        skipSpaces()
        (years, months, days) = (firstChain, secondChain, thirdChain)
        return false
    }

    private mutating func dateSeparator() throws(Failure) {
        switch byte(at: position) {
        case UInt8(ascii: "~"): endOfMonth = true
        case UInt8(ascii: "-"): break
        default: throw unexpected("'-' or '~' between date fields")
        }
        position += 1
        // "*-*-~7": a '~' written after the '-' rather than in its place.
        if byte(at: position) == UInt8(ascii: "~") {
            throw Failure(
                reason: "'-~' at column \(position): '~' takes the place of the '-' before the day, as in '*-*~7' "
                    + "(the 7th day from the end of the month)")
        }
    }

    /// `@SECONDS`: one instant, in UTC. Like systemd (which reads the number with `strtoul`), leading blanks and a
    /// sign are tolerated.
    private mutating func parseTimestamp() throws(Failure) {
        position += 1
        while let next = byte(at: position), next == 0x20 || (0x09...0x0D).contains(next) { position += 1 }
        var negative = false
        if let sign = byte(at: position), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            position += 1
        }
        guard let magnitude = try readInteger() else { throw unexpected("Unix seconds after '@'") }
        guard !negative || magnitude == 0 else {
            throw Failure(reason: "-\(magnitude) is before 1970-01-01, where calendar expressions begin")
        }
        let days = magnitude / 86400
        let date = CivilDate(dayNumber: Int(clamping: days))
        let time = TimeOfDay(secondsSinceMidnight: Int(magnitude % 86400))
        let one = { (value: Int) in [Raw(start: value, stop: -1, step: 0)] }
        years = one(date.year)
        months = one(date.month)
        self.days = one(date.day)
        hours = one(time.hour)
        minutes = one(time.minute)
        seconds = one(time.second * CalendarComponent.microsecondsPerSecond)
        zone = .utc
    }

    // MARK: - Time

    /// Reads `H:M` or `H:M:S`; with nothing left, the time is midnight.
    private mutating func parseTime() throws(Failure) {
        let zero = [Raw(start: 0, stop: -1, step: 0)]
        guard byte(at: position) != nil else {
            (hours, minutes, seconds) = (zero, zero, zero)
            return
        }
        hours = try parseChain(.hour)
        guard byte(at: position) == UInt8(ascii: ":") else { throw unexpected("':' after the hour") }
        position += 1
        minutes = try parseChain(.minute)
        guard byte(at: position) != nil else {
            seconds = zero
            return
        }
        guard byte(at: position) == UInt8(ascii: ":") else { throw unexpected("':' or the end after the minute") }
        position += 1
        seconds = try parseChain(.second)
        guard byte(at: position) == nil else { throw unexpected("the end after the seconds") }
    }

    // MARK: - Fields

    /// Reads `*` or a comma list of `start[..stop][/step]`. `*` is nil, except in the seconds field, where it means
    /// every whole second.
    private mutating func parseChain(_ field: Field) throws(Failure) -> [Raw]? {
        if byte(at: position) == UInt8(ascii: "*") {
            position += 1
            return field.isSeconds ? [Raw(start: 0, stop: -1, step: CalendarComponent.microsecondsPerSecond)] : nil
        }
        var chain: [Raw] = []
        while true {
            guard chain.count < Self.maximumComponents else {
                throw Failure(reason: "more than \(Self.maximumComponents) values in the \(field.name) field")
            }
            let start = try parseNumber(field)
            var stop = -1
            var step = 0
            if byte(at: position) == UInt8(ascii: "."), byte(at: position + 1) == UInt8(ascii: ".") {
                position += 2
                stop = try parseNumber(field)
                step = field.isSeconds ? CalendarComponent.microsecondsPerSecond : 1
            }
            if byte(at: position) == UInt8(ascii: "/") {
                position += 1
                let stepColumn = position + 1
                step = try parseNumber(field)
                guard step > 0 else { throw Failure(reason: "repetition /0 at column \(stepColumn) never advances") }
            } else {
                guard start <= Int(Int32.max) - step else { throw tooLarge(field) }
                if field.isSeconds && stop >= 0 && start + step > stop {
                    throw Failure(
                        reason: "seconds range \(secondsText(start))..\(secondsText(stop)) is shorter than its "
                            + "one-second step; add a repetition such as /0.5")
                }
            }
            if let next = byte(at: position), !Self.afterValue.contains(next) {
                throw unexpected("',', '..', '/' or the end of the \(field.name) field")
            }
            chain.append(Raw(start: start, stop: stop, step: step))
            guard byte(at: position) == UInt8(ascii: ",") else { return chain }
            position += 1
        }
    }

    /// Reads a decimal number; in the seconds field a fraction too, rounded to microseconds as systemd rounds it.
    private mutating func parseNumber(_ field: Field) throws(Failure) -> Int {
        guard let whole = try readInteger() else { throw unexpected("a number") }
        var value = whole
        if field.isSeconds {
            let (scaled, overflow) = whole.multipliedReportingOverflow(
                by: UInt64(CalendarComponent.microsecondsPerSecond))
            guard !overflow else { throw tooLarge(field) }
            value = scaled
            if byte(at: position) == UInt8(ascii: "."), byte(at: position + 1) != UInt8(ascii: ".") {
                position += 1
                value += try readFraction()
            }
        }
        guard value <= UInt64(Int32.max) else { throw tooLarge(field) }
        return Int(value)
    }

    /// Digits as an unsigned 64-bit number; nil when there are none.
    private mutating func readInteger() throws(Failure) -> UInt64? {
        guard let first = byte(at: position), isDigit(first) else { return nil }
        let column = position + 1
        var value: UInt64 = 0
        while let next = byte(at: position), isDigit(next) {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(next - 0x30))
            guard !overflow1 && !overflow2 else { throw Failure(reason: "the number at column \(column) is too large") }
            value = sum
            position += 1
        }
        return value
    }

    /// Six digits of a fraction of a second, rounded up when the seventh digit is 5 or more; further digits ignored.
    private mutating func readFraction() throws(Failure) -> UInt64 {
        guard let first = byte(at: position), isDigit(first) else { throw unexpected("digits after the decimal point") }
        var value: UInt64 = 0
        for _ in 0..<6 {
            value *= 10
            if let next = byte(at: position), isDigit(next) {
                value += UInt64(next - 0x30)
                position += 1
            }
        }
        if let next = byte(at: position), next >= UInt8(ascii: "5") && next <= UInt8(ascii: "9") { value += 1 }
        while let next = byte(at: position), isDigit(next) { position += 1 }
        return value
    }

    // MARK: - Normalization and validation

    private func makeSpec() throws(Failure) -> CalendarSpec {
        let yearChain = years?.map { raw in
            Raw(start: Self.fullYear(raw.start), stop: Self.fullYear(raw.stop), step: raw.step)
        }
        let bits = weekdayBits == 0x7F ? 0 : weekdayBits
        let eom = endOfMonth && days != nil
        return CalendarSpec(
            weekdayBits: bits,
            years: try Self.normalize(yearChain, .year, endOfMonth: false),
            months: try Self.normalize(months, .month, endOfMonth: false),
            days: try Self.normalize(days, .day, endOfMonth: eom),
            countsDaysFromMonthEnd: eom,
            hours: try Self.normalize(hours, .hour, endOfMonth: false),
            minutes: try Self.normalize(minutes, .minute, endOfMonth: false),
            seconds: try Self.normalize(seconds, .second, endOfMonth: false),
            zone: zone, zoneName: zoneName)
    }

    /// Two-digit years as systemd reads them: 0–69 are 2000–2069, 70–99 are 1970–1999.
    private static func fullYear(_ year: Int) -> Int {
        switch year {
        case 0..<70: year + 2000
        case 70..<100: year + 1900
        default: year
        }
    }

    /// Shortens each range to its last reachable value, drops steps that never fire, sorts, removes duplicates and
    /// then checks every component against the field's range, in systemd's order.
    private static func normalize(
        _ chain: [Raw]?, _ field: Field, endOfMonth: Bool
    ) throws(Failure) -> [CalendarComponent] {
        guard let chain else { return [] }
        var normalized: [CalendarComponent] = []
        for var raw in chain {
            if raw.stop > raw.start && raw.step > 0 { raw.stop -= (raw.stop - raw.start) % raw.step }
            if (raw.stop > raw.start && raw.step > 0 && raw.start + raw.step > raw.stop) || raw.start == raw.stop {
                raw.step = 0
                raw.stop = -1
            }
            normalized.append(CalendarComponent(start: raw.start, stop: raw.stop < 0 ? nil : raw.stop, step: raw.step))
        }
        normalized.sort(by: CalendarComponent.precedes)
        normalized = normalized.enumerated().filter { $0.offset == 0 || normalized[$0.offset - 1] != $0.element }
            .map(\.element)
        for component in normalized { try validate(component, field, endOfMonth: endOfMonth) }
        return normalized
    }

    private static func validate(_ component: CalendarComponent, _ field: Field, endOfMonth: Bool) throws(Failure) {
        let low = field.range.lowerBound
        let high = endOfMonth ? field.range.upperBound - 3 : field.range.upperBound
        let show = { (value: Int) in describe(value, field, endOfMonth: endOfMonth) }
        let bounds = "\(show(low))..\(show(high))"
        guard (low...high).contains(component.start) else {
            throw Failure(reason: "\(field.name) \(show(component.start)) is out of range \(bounds)")
        }
        guard component.step <= high - low else {
            throw Failure(
                reason: "repetition /\(describe(component.step, field)) is too long for the \(field.name) field")
        }
        if let stop = component.stop {
            guard (low...high).contains(stop) else {
                throw Failure(reason: "\(field.name) \(show(stop)) is out of range \(bounds)")
            }
            guard component.start + component.step <= stop else {
                throw Failure(
                    reason: "\(field.name) range \(show(component.start))..\(show(stop)) runs backwards")
            }
        } else if endOfMonth ? component.start - component.step < low : component.start + component.step > high {
            throw Failure(
                reason: "repetition \(show(component.start))/\(describe(component.step, field)) never repeats "
                    + "within \(bounds)")
        }
    }

    private static func describe(_ value: Int, _ field: Field, endOfMonth: Bool = false) -> String {
        if field.isSeconds { return secondsText(value) }
        return endOfMonth ? "~\(value)" : "\(value)"
    }

    // MARK: - Reading helpers

    private func byte(at offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    private mutating func skipSpaces() {
        while byte(at: position) == UInt8(ascii: " ") { position += 1 }
    }

    /// The run of letters starting at `offset`, to quote a misspelt weekday.
    private func word(at offset: Int) -> String {
        var end = offset
        while let next = byte(at: end), lower(next) >= 0x61 && lower(next) <= 0x7A { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    private var here: String {
        guard position < bytes.count else { return "the end" }
        return "\(TerminalText.quoted(String(decoding: bytes[position...], as: UTF8.self))) (column \(position + 1))"
    }

    private func unexpected(_ expected: String) -> Failure {
        Failure(reason: "expected \(expected) at \(here)")
    }

    private func tooLarge(_ field: Field) -> Failure {
        Failure(reason: "a value in the \(field.name) field at column \(position) is too large")
    }
}

/// A seconds value held in microseconds, as systemd prints it: `5`, `23.420000`.
private func secondsText(_ microseconds: Int) -> String {
    let perSecond = CalendarComponent.microsecondsPerSecond
    let fraction = microseconds % perSecond
    guard fraction > 0 else { return "\(microseconds / perSecond)" }
    let digits = String(fraction)
    return "\(microseconds / perSecond).\(String(repeating: "0", count: 6 - digits.count))\(digits)"
}
