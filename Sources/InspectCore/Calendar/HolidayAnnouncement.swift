/// The days off and make-up working days the government announced for one year, from `holidays.d/YYYY.conf`.
///
/// Each year the Prime Minister fixes the Tết and National Day days and often swaps a weekday off for a Saturday
/// worked. An announcement either replaces the computed holidays of its year (the usual case: it lists every day off,
/// weekends inside a break included) or adds to them.
public struct HolidayAnnouncement: Hashable, Sendable {
    public var year: Int
    /// Whether the computed holidays of `year` are dropped in favour of `daysOff`.
    public var replacesDefaults: Bool
    public var daysOff: [Holiday]
    public var makeUpWorkingDays: [MakeUpWorkingDay]

    public init(year: Int, replacesDefaults: Bool, daysOff: [Holiday], makeUpWorkingDays: [MakeUpWorkingDay]) {
        self.year = year
        self.replacesDefaults = replacesDefaults
        self.daysOff = daysOff
        self.makeUpWorkingDays = makeUpWorkingDays
    }
}
