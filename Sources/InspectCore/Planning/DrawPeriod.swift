/// A calendar unit in which surprise inspections are counted: the draw period and the horizon of the minimum.
public enum PeriodUnit: String, Hashable, Sendable, Codable, DeclarationOrdered {
    /// Monday to Sunday (ISO weeks).
    case week
    case month
    /// January–March, April–June, July–September, October–December.
    case quarter
    case year

    /// The first day of the unit that contains `date`.
    public func firstDay(containing date: CivilDate) -> CivilDate {
        switch self {
        case .week: date.adding(days: 1 - date.weekday.rawValue)
        case .month: CivilDate(year: date.year, month: date.month, day: 1)
        case .quarter: CivilDate(year: date.year, month: (date.month - 1) / 3 * 3 + 1, day: 1)
        case .year: CivilDate(year: date.year, month: 1, day: 1)
        }
    }

    /// The first day of the unit after the one starting on `firstDay`.
    public func firstDay(after firstDay: CivilDate) -> CivilDate {
        func months(_ count: Int) -> CivilDate {
            let index = firstDay.year * 12 + firstDay.month - 1 + count
            return CivilDate(year: index / 12, month: index % 12 + 1, day: 1)
        }
        switch self {
        case .week: return firstDay.adding(days: 7)
        case .month: return months(1)
        case .quarter: return months(3)
        case .year: return months(12)
        }
    }

    /// Whether every period of this unit lies inside one unit of `horizon`: weeks only in weeks, months in months,
    /// quarters and years, quarters in quarters and years.
    public func nests(in horizon: PeriodUnit) -> Bool {
        self == horizon || (self != .week && self < horizon)
    }

    /// How many periods of this unit one `horizon` holds, when they nest (see `nests(in:)`).
    public func count(in horizon: PeriodUnit) -> Int {
        let months: [PeriodUnit: Int] = [.month: 1, .quarter: 3, .year: 12]
        guard self != horizon, let inner = months[self], let outer = months[horizon] else { return 1 }
        return outer / inner
    }

    /// The fewest days a unit can span: 7, 28, 90 (January–March of a common year), 365.
    public var shortestDays: Int {
        switch self {
        case .week: 7
        case .month: 28
        case .quarter: 90
        case .year: 365
        }
    }

    /// The most days a unit can span: 7, 31, 92, 366.
    public var longestDays: Int {
        switch self {
        case .week: 7
        case .month: 31
        case .quarter: 92
        case .year: 366
        }
    }
}

/// One period of a surprise plan, as a half-open range of instants from local midnight to local midnight.
///
/// Periods follow the calendar in the working calendar's zone: a month period of March 2026 in Vietnam runs from
/// 2026-03-01 00:00 to 2026-04-01 00:00 local time. Its `label` (`2026-03`, `2026-Q1`, `2026-W05`, `2026`) is how
/// people name it, e.g. in `inspectctl plan audit 2026-03`.
///
/// ```swift
/// let period = DrawPeriod.containing(now, unit: .month, zone: calendar.zone)
/// let next = period.next(zone: calendar.zone)
/// ```
public struct DrawPeriod: Hashable, Sendable, Codable, CustomStringConvertible {
    public var unit: PeriodUnit
    /// The local date the period starts on.
    public var firstDay: CivilDate
    /// Local midnight starting `firstDay`.
    public var start: Instant
    /// Local midnight after the period's last day (excluded).
    public var end: Instant

    /// The period of `unit` that contains the date `day`.
    public init(unit: PeriodUnit, firstDay day: CivilDate, zone: LocalZone) {
        self.unit = unit
        firstDay = unit.firstDay(containing: day)
        start = zone.startOfDay(firstDay)
        end = zone.startOfDay(unit.firstDay(after: firstDay))
    }

    /// The period of `unit` that contains `instant`, in `zone`.
    public static func containing(_ instant: Instant, unit: PeriodUnit, zone: LocalZone) -> DrawPeriod {
        DrawPeriod(unit: unit, firstDay: unit.firstDay(containing: zone.local(instant).date), zone: zone)
    }

    /// The first period of `unit` that starts at or after `instant`: the next one, unless `instant` is exactly a
    /// period's start. The daemon draws this period ahead of time.
    public static func following(_ instant: Instant, unit: PeriodUnit, zone: LocalZone) -> DrawPeriod {
        let current = containing(instant, unit: unit, zone: zone)
        return current.start == instant ? current : current.next(zone: zone)
    }

    /// The period right after this one.
    public func next(zone: LocalZone) -> DrawPeriod {
        DrawPeriod(unit: unit, firstDay: unit.firstDay(after: firstDay), zone: zone)
    }

    /// The dates of the period, in order.
    public var days: [CivilDate] {
        let last = unit.firstDay(after: firstDay).dayNumber
        return (firstDay.dayNumber..<last).map(CivilDate.init(dayNumber:))
    }

    public var range: Range<Instant> { start..<end }

    public func contains(_ instant: Instant) -> Bool { start <= instant && instant < end }

    /// `2026-03` (month), `2026-Q1` (quarter), `2026-W05` (ISO week), `2026` (year).
    public var label: String {
        let year = String(firstDay.year)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch unit {
        case .week:
            // ISO 8601: a week belongs to the year of its Thursday, and week 1 holds the year's first Thursday.
            let thursday = firstDay.adding(days: 3)
            let dayOfYear = thursday.dayNumber - CivilDate(year: thursday.year, month: 1, day: 1).dayNumber
            return "\(thursday.year)-W\(two(dayOfYear / 7 + 1))"
        case .month: return "\(year)-\(two(firstDay.month))"
        case .quarter: return "\(year)-Q\((firstDay.month - 1) / 3 + 1)"
        case .year: return year
        }
    }

    public var description: String { label }

    /// Reads a label as `label` writes it; nil when it names no period.
    public init?(label: String, zone: LocalZone) {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        func number(_ text: Substring) -> Int? { text.allSatisfy { $0.isASCII && $0.isNumber } ? Int(text) : nil }
        guard parts[0].count == 4, let year = number(parts[0]) else { return nil }
        if parts.count == 1 {
            self.init(unit: .year, firstDay: CivilDate(year: year, month: 1, day: 1), zone: zone)
            return
        }
        guard parts.count == 2 else { return nil }
        let part = parts[1]
        if part.count == 2, let month = number(part), (1...12).contains(month) {
            self.init(unit: .month, firstDay: CivilDate(year: year, month: month, day: 1), zone: zone)
        } else if part.count == 2, part.first == "Q", let quarter = number(part.dropFirst()), (1...4).contains(quarter)
        {
            self.init(unit: .quarter, firstDay: CivilDate(year: year, month: quarter * 3 - 2, day: 1), zone: zone)
        } else if part.count == 3, part.first == "W", let week = number(part.dropFirst()), week >= 1 {
            let january4 = CivilDate(year: year, month: 1, day: 4)
            let monday = january4.adding(days: 1 - january4.weekday.rawValue + 7 * (week - 1))
            guard monday.adding(days: 3).year == year else { return nil }
            self.init(unit: .week, firstDay: monday, zone: zone)
        } else {
            return nil
        }
    }
}
