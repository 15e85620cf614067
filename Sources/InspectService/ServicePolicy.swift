import InspectCore

/// The policy the use cases apply: the working calendar (its time zone, hours profiles and holidays).
public struct ServicePolicy: Sendable {
    public var calendar: WorkCalendar

    public init(calendar: WorkCalendar = InspectConfiguration.defaults.calendar) {
        self.calendar = calendar
    }

    /// The zone local times are read and shown in.
    public var zone: LocalZone { calendar.zone }

    /// The hours an office with `profile` keeps on `date`.
    /// - Throws: `InspectError.notFound` for a profile the configuration does not define.
    public func hours(profile: String, on date: CivilDate) throws -> HoursProfile {
        try calendar.hours(profile: profile, on: date)
    }
}
