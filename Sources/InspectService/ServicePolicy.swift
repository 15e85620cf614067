import InspectCore

/// The policy the use cases apply: the local time zone and each office's working hours.
public struct ServicePolicy: Sendable {
    public var zone: LocalZone
    /// Hours profiles by name; an office whose profile is not listed follows `HoursProfile.standard`.
    public var hoursProfiles: [String: HoursProfile]

    public init(zone: LocalZone = .vietnam, hoursProfiles: [String: HoursProfile] = [:]) {
        self.zone = zone
        self.hoursProfiles = hoursProfiles
    }

    /// The hours an office with `profile` keeps on `date`.
    public func hours(profile: String, on date: CivilDate) -> HoursProfile {
        hoursProfiles[profile] ?? .standard
    }
}
