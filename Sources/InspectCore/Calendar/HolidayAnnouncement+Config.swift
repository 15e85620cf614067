import Foundation

extension HolidayAnnouncement {
    /// The keys of the `[Holidays]` section of a yearly file.
    static let keys = ["Replace", "DayOff", "WorkingDay"]
    /// The longest range one `DayOff=` may give; longer is surely a typo.
    static let longestRange = 31

    /// Reads a yearly holiday file: `holidays.d/YYYY.conf`, whose name gives the year.
    ///
    /// ```ini
    /// [Holidays]
    /// # yes (default): these days replace the computed holidays of the year; no: they are added.
    /// Replace=yes
    /// # DATE or FIRST..LAST, then the English name, then the Vietnamese name, separated by '|'.
    /// DayOff=2026-02-14..2026-02-22 | Lunar New Year | Tết Nguyên đán
    /// # A weekly rest day worked in exchange for a day off.
    /// WorkingDay=2026-01-10 | Make-up for Friday 2 January | Làm bù ngày 2/1
    /// ```
    /// `DayOff=` and `WorkingDay=` are lists; an empty assignment clears what came before.
    /// - Throws: `InspectError.invalidConfig` at the offending line: an unknown section or key, a malformed
    ///   entry, a date outside the year, a day listed twice, or a day both off and worked. Line 0 when the file name
    ///   is not `YYYY.conf`.
    public init(document: IniDocument) throws {
        let fileName = document.fileName
        guard fileName.count == 9, fileName.hasSuffix(".conf"), let year = Int(fileName.prefix(4)) else {
            throw IniLocation(path: document.path, line: 0).error(
                "a holiday file must be named after its year, like 2026.conf")
        }
        try document.checkSections(expected: "[Holidays]") { $0 == "Holidays" }
        try document.checkKeys(in: "Holidays", allowed: Self.keys)
        var seen: [CivilDate: IniLocation] = [:]
        func listings(_ key: String) throws -> [Listing] {
            let listings = try document.values(key, in: "Holidays").map { try Listing($0, year: year) }
            for listing in listings {
                for date in listing.dates {
                    if let earlier = seen[date] {
                        throw listing.entry.error("\(date) is already listed at line \(earlier.line)")
                    }
                    seen[date] = listing.entry.location
                }
            }
            return listings
        }
        let daysOff = try listings("DayOff").flatMap { listing in
            listing.dates.map {
                Holiday(
                    date: $0, name: listing.name, nameVietnamese: listing.nameVietnamese,
                    source: .file(listing.entry.location))
            }
        }
        let workingDays = try listings("WorkingDay").flatMap { listing in
            listing.dates.map {
                MakeUpWorkingDay(
                    date: $0, name: listing.name, nameVietnamese: listing.nameVietnamese,
                    location: listing.entry.location)
            }
        }
        self.init(
            year: year, replacesDefaults: try document.value("Replace", in: "Holidays")?.bool() ?? true,
            daysOff: daysOff.sorted { $0.date < $1.date }, makeUpWorkingDays: workingDays.sorted { $0.date < $1.date })
    }
}

/// One `DayOff=` or `WorkingDay=` line: `DATE[..DATE] | English name [| Vietnamese name]`.
private struct Listing {
    var dates: [CivilDate]
    var name: String
    /// The Vietnamese name, or the English one when the line gives none.
    var nameVietnamese: String
    var entry: IniEntry

    init(_ entry: IniEntry, year: Int) throws {
        let fields = entry.value.split(separator: "|", omittingEmptySubsequences: false).map(\.trimmingSpaces)
        guard fields.count == 2 || fields.count == 3, !fields[1].isEmpty else {
            throw entry.error("expected 'YYYY-MM-DD[..YYYY-MM-DD] | English name | Vietnamese name'")
        }
        let bounds = fields[0].components(separatedBy: "..").map(\.trimmingSpaces)
        guard bounds.count <= 2, let first = CivilDate(iso: bounds[0]),
            let last = CivilDate(iso: bounds[bounds.count - 1])
        else { throw entry.error("expected a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD") }
        guard first.year == year, last.year == year else {
            throw entry.error("the dates of a \(year) holiday file must be in \(year)")
        }
        let length = last.dayNumber - first.dayNumber + 1
        let longest = HolidayAnnouncement.longestRange
        guard (1...longest).contains(length) else {
            throw entry.error("a range must run forwards and span at most \(longest) days")
        }
        dates = (0..<length).map { first.adding(days: $0) }
        name = fields[1]
        nameVietnamese = fields.count == 3 && !fields[2].isEmpty ? fields[2] : name
        self.entry = entry
    }
}
