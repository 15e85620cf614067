/// The span a report covers: from `from` (inclusive) to `to` (exclusive).
///
/// Reports compare a period with the one just before it, of the same length: 1 January – 31 March against
/// 1 October – 31 December. An inspection belongs to the period its reference time falls in: when it was opened,
/// else when it was due, else when it was created.
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

    /// The period of the same length that ends where this one starts.
    public var previous: ReportPeriod {
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
