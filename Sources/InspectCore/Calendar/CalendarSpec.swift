/// A systemd calendar expression, as written after `OnCalendar=`: `Mon..Fri *-*-* 08:00`, `*-*-01 09:00`,
/// `quarterly`, `*-02~03 12:00 Europe/Berlin`.
///
/// Planned inspections are scheduled with the syntax administrators already know from systemd timers, and they must
/// fire exactly when a systemd timer with the same expression would. So the parser accepts what systemd 252 accepts
/// and rejects what it rejects, `normalized` is the text `systemd-analyze calendar` prints as "Normalized form", and
/// `nextElapse(after:in:)` follows systemd's search step by step, including how it treats wall-clock times that a
/// daylight-saving change skips or repeats (see `CalendarSpec+NextElapse.swift`).
///
/// ```swift
/// let spec = try CalendarSpec.parse("Mon..Fri 08:00")
/// spec.normalized                                     // "Mon..Fri *-*-* 08:00:00"
/// let next = spec.nextElapse(after: now, in: .vietnam)
/// ```
///
/// One form systemd accepts is not supported: the abbreviation of the machine's own zone as a suffix (`daily +07` on
/// a machine set to Vietnam's zone), because inspectd's zone is configured rather than taken from the process
/// environment. Name the IANA zone instead. (Where such an abbreviation is also an IANA name, as `CET` and `EST` are,
/// it is read as that zone, which systemd does too on a machine in another zone.)
public struct CalendarSpec: Hashable, Sendable, CustomStringConvertible {
    /// Whose wall clock the expression is read on.
    public enum Zone: Hashable, Sendable {
        /// The zone the caller passes to `nextElapse(after:in:)`: the service's configured zone.
        case local
        /// Coordinated Universal Time (`… UTC`).
        case utc
        /// An IANA zone named at the end of the expression (`… Asia/Ho_Chi_Minh`).
        case named(LocalZone)
    }

    /// Weekdays a matching date must fall on, one bit per weekday (bit 0 is Monday); 0 when any weekday matches.
    let weekdayBits: Int
    /// Matching years, as values, ranges and repetitions; empty when any year matches.
    public let years: [CalendarComponent]
    /// Matching months (1…12); empty when any month matches.
    public let months: [CalendarComponent]
    /// Matching days of the month; empty when any day matches. When `countsDaysFromMonthEnd`, 1 is the month's last
    /// day, 2 the day before it, and so on (`*-02~03` is the third last day of February).
    public let days: [CalendarComponent]
    /// Whether `days` counts back from the end of the month (`~` instead of the second `-`).
    public let countsDaysFromMonthEnd: Bool
    /// Matching hours (0…23); empty when any hour matches.
    public let hours: [CalendarComponent]
    /// Matching minutes (0…59); empty when any minute matches.
    public let minutes: [CalendarComponent]
    /// Matching seconds within the minute, in microseconds, because systemd accepts fractional seconds
    /// (`05:40:23.42`); `*` is the repetition `0/1` (every whole second).
    public let seconds: [CalendarComponent]
    /// Whose wall clock the fields are matched against.
    public let zone: Zone
    /// The expression as `systemd-analyze calendar` prints it on its "Normalized form" line.
    public let normalized: String

    init(
        weekdayBits: Int, years: [CalendarComponent], months: [CalendarComponent], days: [CalendarComponent],
        countsDaysFromMonthEnd: Bool, hours: [CalendarComponent], minutes: [CalendarComponent],
        seconds: [CalendarComponent], zone: Zone, zoneName: String?
    ) {
        self.weekdayBits = weekdayBits
        self.years = years
        self.months = months
        self.days = days
        self.countsDaysFromMonthEnd = countsDaysFromMonthEnd
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
        self.zone = zone
        var text = ""
        if weekdayBits != 0 { text += Self.formatWeekdays(weekdayBits) + " " }
        text += Self.format(years, width: 4) + "-" + Self.format(months, width: 2)
        text += (countsDaysFromMonthEnd ? "~" : "-") + Self.format(days, width: 2)
        text += " " + Self.format(hours, width: 2) + ":" + Self.format(minutes, width: 2)
        text += ":" + Self.formatSeconds(seconds)
        switch zone {
        case .local: break
        case .utc: text += " UTC"
        case .named(let named): text += " " + (zoneName ?? named.identifier)
        }
        normalized = text
    }

    /// The weekdays a matching date must fall on; empty when any weekday matches.
    public var weekdays: Set<Weekday> {
        Set(Weekday.allCases.filter { weekdayBits & (1 << ($0.rawValue - 1)) != 0 })
    }

    public var description: String { normalized }

    // MARK: - Normalized form

    /// Weekdays as systemd prints them: runs of three or more as `Mon..Wed`, shorter runs as lists.
    private static func formatWeekdays(_ bits: Int) -> String {
        var parts: [String] = []
        var day = 0
        while day < 7 {
            guard bits & (1 << day) != 0 else {
                day += 1
                continue
            }
            var last = day
            while last + 1 < 7 && bits & (1 << (last + 1)) != 0 { last += 1 }
            let name = { (index: Int) in Weekday(rawValue: index + 1)!.abbreviation }
            switch last - day {
            case 0: parts.append(name(day))
            case 1: parts.append(name(day) + "," + name(last))
            default: parts.append(name(day) + ".." + name(last))
            }
            day = last + 1
        }
        return parts.joined(separator: ",")
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A date or time field: `*`, or its components joined by commas, each `start[..stop][/step]`.
    private static func format(_ components: [CalendarComponent], width: Int) -> String {
        guard !components.isEmpty else { return "*" }
        return components.map { component in
            var text = padded(component.start, width: width)
            if let stop = component.stop { text += ".." + padded(stop, width: width) }
            if component.step > 0 && !(component.stop != nil && component.step == 1) {
                text += "/\(component.step)"
            }
            return text
        }.joined(separator: ",")
    }

    /// The seconds field, whose values are microseconds: fractions print with six digits, `*` stands for `0/1`.
    private static func formatSeconds(_ components: [CalendarComponent]) -> String {
        let perSecond = CalendarComponent.microsecondsPerSecond
        if components.contains(where: { $0.start == 0 && $0.stop == nil && $0.step == perSecond }) { return "*" }
        func seconds(_ value: Int, width: Int) -> String {
            let fraction = value % perSecond
            return padded(value / perSecond, width: width) + (fraction > 0 ? "." + padded(fraction, width: 6) : "")
        }
        return components.map { component in
            var text = seconds(component.start, width: 2)
            if let stop = component.stop { text += ".." + seconds(stop, width: 2) }
            if component.step > 0 && !(component.stop != nil && component.step == perSecond) {
                text += "/" + seconds(component.step, width: 0)
            }
            return text
        }.joined(separator: ",")
    }
}

/// One comma-separated element of a calendar-expression field: a value (`5`), a range (`1..5`), a repetition
/// (`1/2`: 1, 3, 5, …) or a range with a repetition (`2027..2031/2`).
public struct CalendarComponent: Hashable, Sendable {
    /// Seconds are held in microseconds; the seconds field's `*` is a repetition of this step.
    public static let microsecondsPerSecond = 1_000_000

    /// The first matching value.
    public let start: Int
    /// The last value a range may match; nil when the component is not a range.
    public let stop: Int?
    /// The repetition: values `start + k·step` match; 0 when only `start` (or the range) matches. A range without an
    /// explicit step has step 1 (1 second in the seconds field).
    public let step: Int

    public init(start: Int, stop: Int? = nil, step: Int = 0) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    /// systemd's order of components within a field, used to sort and to drop duplicates.
    static func precedes(_ lhs: CalendarComponent, _ rhs: CalendarComponent) -> Bool {
        (lhs.start, lhs.stop ?? -1, lhs.step) < (rhs.start, rhs.stop ?? -1, rhs.step)
    }
}
