/// Whether the uplink keeps up, from one round to the next: it falls behind when the oldest fact waiting is older
/// than `[Uplink] BehindAfterSec=`, and catches up when nothing waits any more. Each change is said once, in the
/// journal (the events it returns) and in `STATUS=` (``status``), not at every round.
public struct UplinkHealth: Sendable, Equatable {
    /// When the uplink was found behind, while it is.
    public private(set) var behindSince: Instant?
    private var sentWhileBehind = 0
    private var divergenceReported = false
    /// What `STATUS=` adds, or nil when the uplink keeps up.
    public private(set) var status: String?

    public init() {}

    /// One round's outcome.
    public struct Round: Sendable {
        public var waiting: Int
        public var oldest: Instant?
        public var sent: Int
        public var error: String?
        public var diverged: String?

        public init(waiting: Int, oldest: Instant?, sent: Int, error: String?, diverged: String?) {
            self.waiting = waiting
            self.oldest = oldest
            self.sent = sent
            self.error = error
            self.diverged = diverged
        }
    }

    /// Takes in a round and returns the events its change of health calls for.
    public mutating func observe(_ round: Round, now: Instant, behindAfter: Int, zone: LocalZone) -> [Event] {
        var events: [Event] = []
        if let diverged = round.diverged, !divergenceReported {
            divergenceReported = true
            events.append(
                Event(
                    kind: .uplinkDiverged,
                    message: "The center holds a record this site does not continue: \(diverged)",
                    fields: ["ERROR": diverged]))
        }
        if behindSince != nil { sentWhileBehind += round.sent }
        let late = round.oldest.map { now.seconds - $0.seconds > Int64(behindAfter) } ?? false
        if round.waiting > 0 && late {
            if behindSince == nil {
                behindSince = now
                sentWhileBehind = 0
                var fields = ["COUNT": String(round.waiting)]
                if let oldest = round.oldest { fields["OLDEST"] = zone.iso8601(oldest) }
                if let error = round.error { fields["ERROR"] = error }
                events.append(
                    Event(
                        kind: .uplinkBehind,
                        message: "The uplink to the center is behind: \(round.waiting) facts waiting"
                            + (round.error.map { " (\($0))" } ?? ""),
                        fields: fields))
            }
        } else if round.waiting == 0, behindSince != nil {
            behindSince = nil
            events.append(
                Event(
                    kind: .uplinkCaughtUp,
                    message: "The uplink to the center has caught up: \(sentWhileBehind) facts sent",
                    fields: ["COUNT": String(sentWhileBehind)]))
        }
        status =
            round.diverged != nil
            ? "uplink diverged from the center"
            : behindSince != nil ? "uplink behind: \(round.waiting) facts waiting" : nil
        return events
    }
}
