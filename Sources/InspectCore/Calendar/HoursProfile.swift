/// A working session: a span of the working day, e.g. the morning 07:30–11:30.
public struct Session: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    public func contains(_ time: TimeOfDay) -> Bool { start <= time && time < end }

    public var description: String { "\(start)–\(end)" }
}

/// An office's working hours: its sessions and the grace allowed before an arrival counts as late.
///
/// Until the working-calendar configuration exists, every office follows `standard`: 07:30–11:30 and 13:30–17:00,
/// five minutes' grace.
public struct HoursProfile: Hashable, Sendable, Codable {
    public static let defaultName = "default"

    public var name: String
    /// The sessions of a working day, in order and not overlapping.
    public var sessions: [Session]
    /// Minutes after a session start within which an arrival is not late.
    public var graceMinutes: Int

    public init(name: String, sessions: [Session], graceMinutes: Int) {
        self.name = name
        self.sessions = sessions
        self.graceMinutes = graceMinutes
    }

    /// The default profile: 07:30–11:30 and 13:30–17:00, grace 5 minutes.
    public static let standard = HoursProfile(
        name: defaultName,
        sessions: [
            Session(start: TimeOfDay(hour: 7, minute: 30), end: TimeOfDay(hour: 11, minute: 30)),
            Session(start: TimeOfDay(hour: 13, minute: 30), end: TimeOfDay(hour: 17, minute: 0)),
        ],
        graceMinutes: 5)

    /// Whole minutes late for someone arriving at `arrival`, counted from the start of the session the arrival falls
    /// in (an arrival at 07:52 for a 07:30 start is 22 minutes late).
    /// - Throws: `InspectError.invalidInput` when the arrival is not late: before a session, between sessions, or
    ///   within the grace period; or after the last session ends.
    public func minutesLate(arrival: TimeOfDay) throws -> Int {
        guard let session = sessions.first(where: { $0.contains(arrival) }) else {
            throw InspectError.invalidInput(
                "arrival at \(arrival) is outside the working sessions (\(sessionList)): not late")
        }
        let minutes = (arrival.secondsSinceMidnight - session.start.secondsSinceMidnight) / 60
        guard minutes > graceMinutes else {
            throw InspectError.invalidInput(
                "arrival at \(arrival) is within the \(graceMinutes)-minute grace after \(session.start): not late")
        }
        return minutes
    }

    /// Whole minutes early for someone leaving at `departure`, before the end of the session they left in.
    /// - Throws: `InspectError.invalidInput` when the departure is not inside a session (not early).
    public func minutesEarly(departure: TimeOfDay) throws -> Int {
        guard let session = sessions.first(where: { $0.start < departure && departure < $0.end }) else {
            throw InspectError.invalidInput(
                "departure at \(departure) is outside the working sessions (\(sessionList)): not early")
        }
        let seconds = session.end.secondsSinceMidnight - departure.secondsSinceMidnight
        return (seconds + 59) / 60
    }

    private var sessionList: String { sessions.map(\.description).joined(separator: ", ") }
}
