/// A day off for everyone: a public holiday, a compensatory day for one, or a day off announced for the year.
public struct Holiday: Hashable, Sendable, CustomStringConvertible {
    /// Where a holiday comes from, so a listing can show which days an administrator configured.
    public enum Source: Hashable, Sendable {
        /// Computed from the Labour Code's rules (`StatutoryHolidays`).
        case computed
        /// Listed in a yearly file, at this line.
        case file(IniLocation)
    }

    public var date: CivilDate
    /// The English name: "Lunar New Year".
    public var name: String
    /// The Vietnamese name: "Tết Nguyên đán".
    public var nameVietnamese: String
    public var source: Source

    public init(date: CivilDate, name: String, nameVietnamese: String, source: Source) {
        self.date = date
        self.name = name
        self.nameVietnamese = nameVietnamese
        self.source = source
    }

    /// `2026-02-17 Lunar New Year (Tết Nguyên đán)`.
    public var description: String { "\(date) \(name) (\(nameVietnamese))" }
}

/// A weekly rest day on which offices work, announced in exchange for a day off ("làm bù"): usually a Saturday.
public struct MakeUpWorkingDay: Hashable, Sendable, CustomStringConvertible {
    public var date: CivilDate
    /// Why the day is worked: "Make-up for Friday 2 January".
    public var name: String
    public var nameVietnamese: String
    /// The line of the yearly file that announces it.
    public var location: IniLocation

    public init(date: CivilDate, name: String, nameVietnamese: String, location: IniLocation) {
        self.date = date
        self.name = name
        self.nameVietnamese = nameVietnamese
        self.location = location
    }

    /// `2026-01-10 Make-up for Friday 2 January (Làm bù ngày 2/1)`.
    public var description: String { "\(date) \(name) (\(nameVietnamese))" }
}
