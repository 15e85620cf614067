/// The span a report covers: from `from` (inclusive) to `to` (exclusive).
///
/// Reports compare a period with the one just before it, of the same length: 1 January – 31 March against
/// 1 October – 31 December (whole calendar months are compared with as many whole months, so a quarter with 90
/// days is compared with one of 92), 10–20 May against 30 April – 10 May. The year so far (from 1 January to a day
/// in the year, the default period) is compared with the same days a year earlier: 1 January – 6 December against
/// 1 January – 6 December of the year before, not with the end of that year. An inspection belongs to the period
/// its reference time falls in: when it was opened, else when it was due, else when it was created.
public struct ReportPeriod: Hashable, Sendable, Codable {
    public var from: Instant
    public var to: Instant

    /// - Throws: `InspectError.invalidInput` unless `from` is before `to`.
    public init(from: Instant, to: Instant) throws {
        guard from < to else {
            throw InspectError.invalidInput("the report's --from must be before its --to")
        }
        self.from = from
        self.to = to
    }

    /// Decodes a period and checks it as ``init(from:to:)`` does: a period arriving in a call is no exception.
    public init(from decoder: any Decoder) throws {
        enum Keys: String, CodingKey { case from, to }
        let container = try decoder.container(keyedBy: Keys.self)
        try self.init(
            from: container.decode(Instant.self, forKey: .from), to: container.decode(Instant.self, forKey: .to))
    }

    /// The period to compare with: as many calendar months before when the period runs from the first of a month to
    /// the first of a month (local midnights); the same days a year earlier when it runs from 1 January to a later
    /// midnight of that year (the year so far); else as many seconds, ending where this one starts.
    public func previous(in zone: LocalZone) -> ReportPeriod {
        let start = zone.local(from)
        let end = zone.local(to)
        let midnight = TimeOfDay(secondsSinceMidnight: 0)
        if start.time == midnight, end.time == midnight, start.date.month == 1, start.date.day == 1,
            end.date.day != 1, end.date.year == start.date.year
        {
            // The last day is never 29 February: a period ending with it ends on 1 March, whole months.
            let last = end.date.adding(days: -1)
            let year = start.date.year - 1
            return try! ReportPeriod(
                from: zone.startOfDay(CivilDate(year: year, month: 1, day: 1)),
                to: zone.startOfDay(CivilDate(year: year, month: last.month, day: last.day).adding(days: 1)))
        }
        if start.time == midnight, end.time == midnight, start.date.day == 1, end.date.day == 1 {
            let months = (end.date.year * 12 + end.date.month) - (start.date.year * 12 + start.date.month)
            let first = start.date.year * 12 + (start.date.month - 1) - months
            let date = CivilDate(year: first / 12, month: first % 12 + 1, day: 1)
            return try! ReportPeriod(from: zone.startOfDay(date), to: from)
        }
        let length = to.seconds - from.seconds
        return try! ReportPeriod(from: from.adding(seconds: -length), to: from)
    }

    /// The first local day of the period.
    public func firstDay(in zone: LocalZone) -> CivilDate { zone.local(from).date }

    /// The last local day the period touches: the day before `to` when `to` is a midnight.
    public func lastDay(in zone: LocalZone) -> CivilDate { zone.local(to.adding(seconds: -1)).date }

    /// The local months the period touches, in order: `(year, month)`.
    public func months(in zone: LocalZone) -> [ReportMonth] {
        let first = firstDay(in: zone)
        let last = lastDay(in: zone)
        var months: [ReportMonth] = []
        var month = ReportMonth(year: first.year, month: first.month)
        while (month.year, month.month) <= (last.year, last.month) {
            months.append(month)
            month = month.next
        }
        return months
    }
}

/// A calendar month, as reports group by it: `2027-01`.
public struct ReportMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The month a local date falls in.
    public init(_ date: CivilDate) { self.init(year: date.year, month: date.month) }

    public var next: ReportMonth {
        month == 12 ? ReportMonth(year: year + 1, month: 1) : ReportMonth(year: year, month: month + 1)
    }

    public static func < (lhs: ReportMonth, rhs: ReportMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// `2027-01`: the key in JSON and CSV.
    public var description: String { "\(year)-" + (month < 10 ? "0\(month)" : "\(month)") }
}
