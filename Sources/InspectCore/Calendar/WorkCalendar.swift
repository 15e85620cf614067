/// When offices work: which days, which hours, in which time zone.
///
/// A working day is one of `workingDays` (Monday to Friday by default) that is not a holiday, or a make-up working
/// day announced for a weekly rest day. On a working day an office works the sessions of its hours profile, with the
/// season applied. Sessions are half-open: 07:30–11:30 includes 07:30:00 and excludes 11:30:00.
///
/// Profiles are looked up by name. An unknown name is an error (`InspectError.notFound`), never a silent fallback
/// to `default`: lateness computed against the wrong hours would put wrong minutes in the inspection record. Check
/// an office's profile against `profileNames` when it is configured.
///
/// ```swift
/// let calendar = WorkCalendar(holidays: HolidayCalendar())
/// let next = try calendar.nextWorkingMoment(atOrAfter: now, profile: "default")
/// ```
public struct WorkCalendar: Sendable {
    public let zone: LocalZone
    /// The hours profiles by name; `default` is always present.
    public let profiles: [String: SeasonalHours]
    public let holidays: HolidayCalendar
    /// The days of the week offices work, apart from holidays and make-up days.
    public let workingDays: Set<Weekday>

    /// Monday to Friday: the 40-hour week of Decision 188/1999/QĐ-TTg.
    public static let mondayToFriday: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
    /// How many days `nextWorkingMoment` searches before concluding that no session will ever come.
    public static let searchLimitDays = 800

    /// - Parameters:
    ///   - zone: the zone in which dates and session times are read.
    ///   - profiles: named profiles; `HoursProfile.standard` (as `SeasonalHours.standard`) stands in for `default`
    ///     unless one of them is named `default`. With two of the same name, the later is used.
    ///   - holidays: the holidays; give it the complement of `workingDays` as its rest days so compensation agrees.
    ///   - workingDays: Monday to Friday by default.
    public init(
        zone: LocalZone = .vietnam, profiles: [SeasonalHours] = [], holidays: HolidayCalendar = HolidayCalendar(),
        workingDays: Set<Weekday> = mondayToFriday
    ) {
        self.zone = zone
        self.profiles = Dictionary(
            ([.standard] + profiles).map { ($0.name, $0) }, uniquingKeysWith: { _, later in later })
        self.holidays = holidays
        self.workingDays = workingDays
    }

    /// The configured profile names, sorted.
    public var profileNames: [String] { profiles.keys.sorted() }

    /// The profile called `name`.
    /// - Throws: `InspectError.notFound(kind: "hours profile", key: name)` when there is none.
    public func profile(named name: String) throws -> SeasonalHours {
        guard let profile = profiles[name] else { throw InspectError.notFound(kind: "hours profile", key: name) }
        return profile
    }

    // MARK: - Days

    /// Whether offices work on `date`: a make-up day, or a usual working weekday that is not a holiday.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if holidays.isMakeUpWorkingDay(date) { return true }
        return workingDays.contains(date.weekday) && holidays.holiday(on: date) == nil
    }

    /// The hours of profile `profile` on `date`, its season applied (whether or not `date` is a working day).
    /// - Throws: `InspectError.notFound` for an unknown profile.
    public func hours(profile: String, on date: CivilDate) throws -> HoursProfile {
        try self.profile(named: profile).hours(on: date)
    }

    /// The sessions worked on `date`: none on a day off.
    /// - Throws: `InspectError.notFound` for an unknown profile.
    public func sessions(on date: CivilDate, profile: String) throws -> [Session] {
        let hours = try hours(profile: profile, on: date)
        return isWorkingDay(date) ? hours.sessions : []
    }

    // MARK: - Moments

    /// Whether `instant` falls inside a working session.
    /// - Throws: `InspectError.notFound` for an unknown profile.
    public func isWorkingMoment(_ instant: Instant, profile: String) throws -> Bool {
        let local = zone.local(instant)
        return try sessions(on: local.date, profile: profile).contains { $0.contains(local.time) }
    }

    /// `instant` itself when it is a working moment, else the start of the next working session.
    /// - Throws: `InspectError.notFound` for an unknown profile; `InspectError.conflict` when no session starts
    ///   within `searchLimitDays` (a profile or calendar with no working time at all).
    public func nextWorkingMoment(atOrAfter instant: Instant, profile: String) throws -> Instant {
        let today = zone.local(instant).date
        for offset in 0..<Self.searchLimitDays {
            let date = today.adding(days: offset)
            for span in try sessionSpans(on: date, profile: profile) where span.upperBound > instant {
                return max(instant, span.lowerBound)
            }
        }
        throw InspectError.conflict(
            "no working session of hours profile '\(profile)' within \(Self.searchLimitDays) days after \(instant)")
    }

    /// The working time between `start` and `end`: each session that overlaps them, clipped to them, in order.
    /// Half-open ranges, as sessions are: the surprise planner draws instants from these.
    /// - Throws: `InspectError.notFound` for an unknown profile.
    public func workingSessions(from start: Instant, to end: Instant, profile: String) throws -> [Range<Instant>] {
        guard start < end else { return [] }
        var result: [Range<Instant>] = []
        var date = zone.local(start).date
        let last = zone.local(end).date
        while date <= last {
            for span in try sessionSpans(on: date, profile: profile) {
                let (lower, upper) = (max(span.lowerBound, start), min(span.upperBound, end))
                if lower < upper { result.append(lower..<upper) }
            }
            date = date.adding(days: 1)
        }
        return result
    }

    /// The sessions of `date` as instants.
    private func sessionSpans(on date: CivilDate, profile: String) throws -> [Range<Instant>] {
        try sessions(on: date, profile: profile).map { session in
            let start = zone.instant(LocalDateTime(date: date, time: session.start))
            let end = zone.instant(LocalDateTime(date: date, time: session.end))
            return start..<max(start, end)
        }
    }

    // MARK: - Lateness

    /// Whole minutes late for an arrival at `arrival` on `date` (see `HoursProfile.minutesLate(arrival:)`).
    /// - Throws: `InspectError.invalidInput` when `date` is not a working day or the arrival is not late;
    ///   `InspectError.notFound` for an unknown profile.
    public func minutesLate(arrival: TimeOfDay, on date: CivilDate, profile: String) throws -> Int {
        try requireWorkingDay(date)
        return try hours(profile: profile, on: date).minutesLate(arrival: arrival)
    }

    /// Whole minutes early for a departure at `departure` on `date` (see `HoursProfile.minutesEarly(departure:)`).
    /// - Throws: `InspectError.invalidInput` when `date` is not a working day or the departure is not early;
    ///   `InspectError.notFound` for an unknown profile.
    public func minutesEarly(departure: TimeOfDay, on date: CivilDate, profile: String) throws -> Int {
        try requireWorkingDay(date)
        return try hours(profile: profile, on: date).minutesEarly(departure: departure)
    }

    private func requireWorkingDay(_ date: CivilDate) throws {
        guard !isWorkingDay(date) else { return }
        let reason = holidays.holiday(on: date).map { "\($0.name), \($0.nameVietnamese)" } ?? date.weekday.abbreviation
        throw InspectError.invalidInput("\(date) is not a working day (\(reason)): nobody is late or early")
    }
}
