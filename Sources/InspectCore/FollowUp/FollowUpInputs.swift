import Crypto

/// Everything the draw of a follow-up's instant depends on besides its seed, committed to when the follow-up is
/// scheduled and stored with it, as `DrawInputs` are for surprise plans.
///
/// The follow-up falls in the working sessions of the `withinWorkingDays` working days after the day the original
/// inspection closed (never the same day: the office must have had time to correct), or after the day it is
/// scheduled when that is later (a close recorded afterwards): a follow-up never falls in the past.
public struct FollowUpInputs: Hashable, Sendable, Codable {
    /// The tag that starts the canonical encoding; a new encoding gets a new version.
    public static let format = "inspectd.follow-up-inputs.v1"

    /// The inspection followed up.
    public var follows: Int64
    public var office: String
    public var hoursProfile: String
    /// When the inspection followed up closed.
    public var closedAt: Instant
    /// When the follow-up was scheduled: the close's transaction.
    public var scheduledAt: Instant
    public var withinWorkingDays: Int
    /// Whether three draws in four fall in the first 30 minutes of a session: when lateness was found.
    public var preferSessionStart: Bool
    /// The first and last working days the follow-up may fall on.
    public var firstDay: CivilDate
    public var lastDay: CivilDate
    /// `CalendarFacts` of the office's profile from `firstDay` to `lastDay`: hex SHA-256.
    public var calendarDigest: String

    /// - Throws: `InspectError.notFound` for an unknown hours profile; `InspectError.conflict` when the calendar has
    ///   not that many working days within `WorkCalendar.searchLimitDays`.
    public init(
        follows: Int64, office: String, hoursProfile: String, closedAt: Instant, scheduledAt: Instant? = nil,
        withinWorkingDays: Int, preferSessionStart: Bool, calendar: WorkCalendar
    ) throws {
        guard withinWorkingDays >= 1 else { throw InspectError.invalidInput("a follow-up needs 1 working day or more") }
        self.follows = follows
        self.office = office
        self.hoursProfile = hoursProfile
        self.closedAt = closedAt
        self.scheduledAt = scheduledAt ?? closedAt
        self.withinWorkingDays = withinWorkingDays
        self.preferSessionStart = preferSessionStart
        var days: [CivilDate] = []
        var date = calendar.zone.local(max(closedAt, self.scheduledAt)).date
        for _ in 0..<WorkCalendar.searchLimitDays where days.count < withinWorkingDays {
            date = date.adding(days: 1)
            if try !calendar.sessions(on: date, profile: hoursProfile).isEmpty { days.append(date) }
        }
        guard days.count == withinWorkingDays, let first = days.first, let last = days.last else {
            throw InspectError.conflict(
                "hours profile '\(hoursProfile)' has no \(withinWorkingDays) working days within "
                    + "\(WorkCalendar.searchLimitDays) days after \(calendar.zone.display(closedAt))")
        }
        firstDay = first
        lastDay = last
        calendarDigest = try Self.digest(calendar: calendar, profile: hoursProfile, from: first, to: last)
    }

    /// The working sessions the follow-up may fall in, in order.
    /// - Throws: `InspectError.notFound` for an unknown hours profile.
    public func sessions(calendar: WorkCalendar) throws -> [Range<Instant>] {
        let (start, end) = Self.span(calendar: calendar, from: firstDay, to: lastDay)
        return try calendar.workingSessions(from: start, to: end, profile: hoursProfile)
    }

    /// The fixed byte encoding of the inputs that the commitment hashes.
    public var canonical: [UInt8] {
        var writer = CanonicalWriter(tag: Self.format)
        writer.field(follows)
        writer.field(office)
        writer.field(hoursProfile)
        writer.field(closedAt)
        writer.field(scheduledAt)
        writer.field(withinWorkingDays)
        writer.field(preferSessionStart ? "yes" : "no")
        writer.field(firstDay.description)
        writer.field(lastDay.description)
        writer.field(calendarDigest)
        return writer.bytes
    }

    /// `SHA-256(seed ‖ canonical)` in hex: what the journal shows when the follow-up is scheduled.
    public func commitment(seed: DrawSeed) -> String {
        var hasher = SHA256()
        hasher.update(data: seed.bytes)
        hasher.update(data: canonical)
        return Hex.encode(hasher.finalize())
    }

    /// The calendar facts of the span, as a surprise draw's digest is computed.
    static func digest(
        calendar: WorkCalendar, profile: String, from first: CivilDate, to last: CivilDate
    ) throws
        -> String
    {
        let (start, end) = span(calendar: calendar, from: first, to: last)
        let days = (first.dayNumber...last.dayNumber).map(CivilDate.init(dayNumber:))
        return try CalendarFacts.digest(calendar: calendar, profiles: [profile], from: start, to: end, days: days)
    }

    /// Local midnight starting `first` to local midnight after `last`.
    private static func span(calendar: WorkCalendar, from first: CivilDate, to last: CivilDate) -> (Instant, Instant) {
        (calendar.zone.startOfDay(first), calendar.zone.startOfDay(last.adding(days: 1)))
    }
}
