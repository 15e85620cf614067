/// How many of one level and category (or of a whole level) met their standard on a date.
public struct StandardsTally: Sendable, Codable, Hashable {
    /// Those measured: in service, their level known and a standard applying to them.
    public var people: Int
    public var meeting: Int
    /// `meeting` of `people`, rounded once, half up; nil when no one was measured.
    public var share: Tenths?

    public init(people: Int, meeting: Int) {
        self.people = people
        self.meeting = meeting
        share = HalfUp.percent(meeting, of: people)
    }
}

/// One row of `report standards`: a level and a category, or a whole level (`category` nil), in the year and in
/// the year compared with.
public struct StandardsShare: Sendable, Codable, Hashable {
    public var level: StaffLevel
    /// Nil for the row of the whole level.
    public var category: StaffCategory?
    public var current: StandardsTally
    public var previous: StandardsTally?
    /// The change of the share in percentage points: the difference of the two shares as shown, so that the
    /// printed figures add up.
    public var change: Tenths?

    public init(level: StaffLevel, category: StaffCategory?, current: StandardsTally, previous: StandardsTally?) {
        self.level = level
        self.category = category
        self.current = current
        self.previous = previous
        if let now = current.share, let then = previous?.share { change = now - then }
    }
}

/// The shares of people meeting their standard at the end of a year, by level and category, against another year.
public struct StandardsReport: Sendable, Codable, Hashable {
    public var year: Int
    /// 31 December of `year`, or today when that is still to come.
    public var asOf: CivilDate
    public var compareYear: Int?
    public var compareAsOf: CivilDate?
    /// By level (province, district, commune) and within it by category; a level's total follows its categories
    /// when it has more than one.
    public var shares: [StandardsShare]

    /// Counts `subjects` against `standards` on `asOf` (and on `compareAsOf` when given). Only those measured count:
    /// in service on the day, with a level recorded by then and a standard that applies; the others are neither
    /// meeting nor short of a standard (`standards check` lists them).
    public init(
        year: Int, asOf: CivilDate, compareYear: Int?, compareAsOf: CivilDate?, subjects: [StandardsSubject],
        standards: Standards
    ) {
        self.year = year
        self.asOf = asOf
        self.compareYear = compareYear
        self.compareAsOf = compareAsOf
        func tally(on date: CivilDate) -> [String: StandardsTally] {
            var counts: [String: (people: Int, meeting: Int)] = [:]
            for subject in subjects where subject.inService(on: date) {
                let check = StandardCheck(subject, asOf: date, standards: standards)
                guard let level = check.level, check.status == .meets || check.status == .fallsShort else { continue }
                for key in [Self.key(level, check.category), Self.key(level, nil)] {
                    counts[key, default: (0, 0)].people += 1
                    if check.status == .meets { counts[key, default: (0, 0)].meeting += 1 }
                }
            }
            return counts.mapValues { StandardsTally(people: $0.people, meeting: $0.meeting) }
        }
        let current = tally(on: asOf)
        let previous = compareAsOf.map(tally)
        var shares: [StandardsShare] = []
        for level in StaffLevel.allCases {
            let categories = StaffCategory.allCases.filter { category in
                current[Self.key(level, category)] != nil || previous?[Self.key(level, category)] != nil
            }
            let rows = categories.map(Optional.some) + (categories.count > 1 ? [nil] : [])
            for category in rows {
                let key = Self.key(level, category)
                shares.append(
                    StandardsShare(
                        level: level, category: category,
                        current: current[key] ?? StandardsTally(people: 0, meeting: 0),
                        previous: previous.map { $0[key] ?? StandardsTally(people: 0, meeting: 0) }))
            }
        }
        self.shares = shares
    }

    private static func key(_ level: StaffLevel, _ category: StaffCategory?) -> String {
        level.rawValue + "/" + (category?.rawValue ?? "all")
    }
}
