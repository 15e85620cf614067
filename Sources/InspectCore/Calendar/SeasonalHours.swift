/// A named hours profile whose sessions may change with the season.
///
/// Many provinces move office hours in summer and winter (summer 07:00–11:30 / 13:30–17:00, winter 07:30–11:30 /
/// 13:00–16:30). Outside every season the profile's own hours apply.
public struct SeasonalHours: Hashable, Sendable {
    /// The profile's name, sessions and grace outside any season.
    public var base: HoursProfile
    /// Seasons, not overlapping; the first that contains a date applies.
    public var seasons: [Season]

    public init(base: HoursProfile, seasons: [Season] = []) {
        self.base = base
        self.seasons = seasons
    }

    public var name: String { base.name }

    /// The built-in default: `HoursProfile.standard`, with no seasons.
    public static let standard = SeasonalHours(base: .standard)

    /// The hours in force on `date`: a season's sessions and grace, under the profile's name.
    public func hours(on date: CivilDate) -> HoursProfile {
        guard let season = seasons.first(where: { $0.period.contains(date) }) else { return base }
        return HoursProfile(name: base.name, sessions: season.sessions, graceMinutes: season.graceMinutes)
    }

    /// A part of the year with its own working hours.
    public struct Season: Hashable, Sendable {
        public var name: String
        public var period: AnnualPeriod
        public var sessions: [Session]
        public var graceMinutes: Int

        public init(name: String, period: AnnualPeriod, sessions: [Session], graceMinutes: Int) {
            self.name = name
            self.period = period
            self.sessions = sessions
            self.graceMinutes = graceMinutes
        }
    }
}
