import Crypto

/// The calendar facts a draw used, reduced to a digest: a later change to hours or holidays that would change the
/// draw shows up as a different digest when the draw is audited.
enum CalendarFacts {
    /// SHA-256, in hex, of: the zone, then for each profile (sorted) its working sessions in `period` as instants,
    /// then the dates of the period's holidays and make-up working days.
    /// - Throws: `InspectError.notFound` for an unknown profile.
    static func digest(calendar: WorkCalendar, profiles: [String], period: DrawPeriod) throws -> String {
        try digest(calendar: calendar, profiles: profiles, from: period.start, to: period.end, days: period.days)
    }

    /// The same digest over any span from local midnight to local midnight: `days` are its dates.
    /// - Throws: `InspectError.notFound` for an unknown profile.
    static func digest(
        calendar: WorkCalendar, profiles: [String], from start: Instant, to end: Instant, days: [CivilDate]
    ) throws -> String {
        var writer = CanonicalWriter(tag: "inspectd.calendar-facts.v1")
        writer.field(calendar.zone.identifier)
        let sessions = try Set(profiles).sorted().map { profile in
            (profile, try calendar.workingSessions(from: start, to: end, profile: profile))
        }
        writer.list(sessions) { writer, entry in
            writer.field(entry.0)
            writer.list(entry.1) { writer, session in
                writer.field(session.lowerBound)
                writer.field(session.upperBound)
            }
        }
        writer.list(days.filter { calendar.holidays.holiday(on: $0) != nil }) { $0.field($1.description) }
        writer.list(days.filter { calendar.holidays.isMakeUpWorkingDay($0) }) { $0.field($1.description) }
        return Hex.encode(SHA256.hash(data: writer.bytes))
    }
}
