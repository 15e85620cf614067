import InspectCore

/// The policy the use cases apply: the configuration's working calendar (time zone, hours, holidays) and plans.
public struct ServicePolicy: Sendable {
    public var configuration: InspectConfiguration

    public init(configuration: InspectConfiguration = .defaults) {
        self.configuration = configuration
    }

    public var calendar: WorkCalendar { configuration.calendar }
    public var plans: PlanSet { configuration.plans }

    /// The zone local times are read and shown in.
    public var zone: LocalZone { calendar.zone }

    /// The hours an office with `profile` keeps on `date`.
    /// - Throws: `InspectError.notFound` for a profile the configuration does not define.
    public func hours(profile: String, on date: CivilDate) throws -> HoursProfile {
        try calendar.hours(profile: profile, on: date)
    }
}
