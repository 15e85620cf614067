/// The drawn instant of one follow-up inspection, with its inputs and the commitment published when it was drawn.
///
/// Drawn like the surprise plans' inspections: a fresh 256-bit `DrawSeed` from the system CSPRNG, expanded by
/// `DrawGenerator`; only `SHA-256(seed ‖ inputs)` reaches the journal until the follow-up is due, then the seed is
/// revealed and `FollowUpAudit` replays the draw. The instant is on a whole minute, uniform over the working minutes
/// of the span; with `preferSessionStart`, three draws in four pick a session uniformly and a minute uniformly
/// within its first 30 minutes, when latecomers are caught.
///
/// ```swift
/// let inputs = try FollowUpInputs(follows: 12, office: "UBND-NHANLY", hoursProfile: "default", closedAt: now,
///                                 withinWorkingDays: 10, preferSessionStart: false, calendar: calendar)
/// var system = SystemRandomness()
/// let draw = try FollowUpDraw(inputs: inputs, calendar: calendar, seed: .random(using: &system))
/// ```
public struct FollowUpDraw: Hashable, Sendable, Codable {
    public var inputs: FollowUpInputs
    /// `inputs.commitment(seed:)`, hex SHA-256.
    public var commitment: String
    public var dueAt: Instant

    public init(inputs: FollowUpInputs, commitment: String, dueAt: Instant) {
        self.inputs = inputs
        self.commitment = commitment
        self.dueAt = dueAt
    }

    /// Commits to `inputs` with `seed` and draws the instant.
    /// - Throws: `InspectError.notFound` for an unknown hours profile; `InspectError.conflict` when the span has no
    ///   working minute.
    public init(inputs: FollowUpInputs, calendar: WorkCalendar, seed: DrawSeed) throws {
        var generator = DrawGenerator(seed: seed)
        let dueAt = try Self.instant(inputs: inputs, calendar: calendar, using: &generator)
        self.init(inputs: inputs, commitment: inputs.commitment(seed: seed), dueAt: dueAt)
    }

    /// How far into a session a preferred start may fall, in minutes.
    static let sessionStartMinutes = 30

    static func instant(
        inputs: FollowUpInputs, calendar: WorkCalendar, using rng: inout some RandomNumberGenerator
    ) throws -> Instant {
        let sessions = try inputs.sessions(calendar: calendar).map { span in
            (start: span.lowerBound, minutes: Int((span.upperBound.seconds - span.lowerBound.seconds) / 60))
        }.filter { $0.minutes > 0 }
        let total = sessions.reduce(0) { $0 + $1.minutes }
        guard total > 0 else {
            throw InspectError.conflict(
                "no working minute for a follow-up of \(inputs.office) from \(inputs.firstDay) to \(inputs.lastDay)")
        }
        if inputs.preferSessionStart && rng.uniform(below: 4) < 3 {
            let session = sessions[rng.uniform(below: sessions.count)]
            let minute = rng.uniform(below: min(session.minutes, sessionStartMinutes))
            return session.start.adding(seconds: Int64(minute) * 60)
        }
        var minute = rng.uniform(below: total)
        for session in sessions {
            if minute < session.minutes { return session.start.adding(seconds: Int64(minute) * 60) }
            minute -= session.minutes
        }
        preconditionFailure("a minute below the total lies in some session")
    }
}

/// Checks a revealed follow-up draw: the seed and inputs give the published commitment, the calendar still gives the
/// same working time, and replaying the draw gives the recorded instant.
public enum FollowUpAudit {
    /// One way a revealed follow-up fails to match its record; none when it is confirmed.
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        case commitmentMismatch(recorded: String, recomputed: String)
        case calendarChanged(recorded: String, current: String)
        case replayFailed(String)
        case instantMismatch(recorded: Instant, replayed: Instant)

        public var description: String {
            switch self {
            case .commitmentMismatch(let recorded, let recomputed):
                "commitment mismatch: recorded \(recorded), seed and inputs give \(recomputed)"
            case .calendarChanged(let recorded, let current):
                "the calendar changed since the draw: facts digest \(recorded) then, \(current) now"
            case .replayFailed(let reason): "the draw cannot be replayed: \(reason)"
            case .instantMismatch(let recorded, let replayed):
                "the record says \(recorded); the replay draws \(replayed)"
            }
        }
    }

    /// Everything found wrong, in the order checked; empty when the follow-up was drawn as committed.
    public static func verify(
        seed: DrawSeed, inputs: FollowUpInputs, commitment: String, dueAt: Instant, calendar: WorkCalendar
    ) -> [Problem] {
        var problems: [Problem] = []
        let recomputed = inputs.commitment(seed: seed)
        if recomputed != commitment.lowercased() {
            problems.append(.commitmentMismatch(recorded: commitment, recomputed: recomputed))
        }
        do {
            let current = try FollowUpInputs.digest(
                calendar: calendar, profile: inputs.hoursProfile, from: inputs.firstDay, to: inputs.lastDay)
            if current != inputs.calendarDigest {
                problems.append(.calendarChanged(recorded: inputs.calendarDigest, current: current))
            }
            var generator = DrawGenerator(seed: seed)
            let replayed = try FollowUpDraw.instant(inputs: inputs, calendar: calendar, using: &generator)
            if replayed != dueAt { problems.append(.instantMismatch(recorded: dueAt, replayed: replayed)) }
        } catch {
            problems.append(.replayFailed("\(error)"))
        }
        return problems
    }
}
