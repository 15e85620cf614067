/// What a measured finding (LATE on arrival, EARLY on departure) records: the clock time, the minutes against the
/// office's hours, and the session it concerns. The same rules for a finding logged, amended or imported.
public struct Measurement: Hashable, Sendable {
    public var clockTime: TimeOfDay?
    public var minutes: Int?
    /// The working session the clock time falls in: a person is late (or leaves early) at most once per session.
    public var session: Session?

    /// Measures `type` from the times given, on a day with `hours`, for a finding observed at local time `observed`.
    /// - Throws: `InspectError.invalidInput` when the type needs a time that is missing (or takes none that is
    ///   given), when the time is not late or early under `hours`, or when it comes after the observation: nobody
    ///   can see an arrival that has not happened yet.
    public init(
        _ type: ViolationType, arrived: TimeOfDay?, left: TimeOfDay?, hours: HoursProfile, observed: TimeOfDay
    ) throws {
        switch type.measure {
        case .arrival:
            guard left == nil else { throw InspectError.invalidInput("\(type.code) takes --arrived, not --left") }
            guard let arrived else { throw InspectError.invalidInput("\(type.code) needs --arrived HH:MM") }
            try Self.requireSeen(arrived, by: observed, "arrival")
            clockTime = arrived
            minutes = try hours.minutesLate(arrival: arrived)
            session = hours.sessions.first { $0.contains(arrived) }
        case .departure:
            guard arrived == nil else { throw InspectError.invalidInput("\(type.code) takes --left, not --arrived") }
            guard let left else { throw InspectError.invalidInput("\(type.code) needs --left HH:MM") }
            try Self.requireSeen(left, by: observed, "departure")
            clockTime = left
            minutes = try hours.minutesEarly(departure: left)
            session = hours.sessions.first { $0.start < left && left < $0.end }
        case nil:
            guard arrived == nil, left == nil else {
                throw InspectError.invalidInput(
                    "--arrived and --left apply only to measured types (LATE, EARLY), not \(type.code)")
            }
            clockTime = nil
            minutes = nil
            session = nil
        }
    }

    private static func requireSeen(_ time: TimeOfDay, by observed: TimeOfDay, _ what: String) throws {
        guard time <= observed else {
            throw InspectError.invalidInput(
                "the \(what) at \(time) comes after the observation at \(observed): a finding records what was seen")
        }
    }
}
