/// What a finding row does to the record. Findings are append-only: a correction is a new row.
public enum FindingAction: String, Sendable, Codable, CaseIterable {
    /// A shortcoming observed by the team.
    case record
    /// Replaces the finding it corrects (type, staff, times or note), with a reason.
    case amend
    /// Withdraws the finding it corrects, with a reason.
    case retract
}

/// One row of the findings record, as it is hashed into the chain.
///
/// - Important: Fields are never updated once stored; `prevHash` and `hash` link the row to the one before it
///   (see `FindingChain`).
public struct Finding: Hashable, Sendable, Codable {
    public var id: Int64
    public var inspection: Int64
    /// The violation type code, e.g. `LATE`.
    public var violation: String
    /// The badge of the person concerned, or nil when the finding is about the office.
    public var staff: String?
    public var observedAt: Instant
    /// The arrival (LATE) or departure (EARLY) time on the clock, in local time.
    public var clockTime: TimeOfDay?
    /// Minutes late or early, computed from `clockTime` and the office's hours.
    public var minutes: Int?
    public var note: String?
    /// The Unix user who recorded the row.
    public var recordedBy: String
    public var recordedAt: Instant
    public var action: FindingAction
    /// The row this one amends or retracts.
    public var corrects: Int64?
    /// Why it was amended or retracted.
    public var reason: String?
    /// When an amendment or a retraction was made, as its recorder gives it (`finding amend --at`): the time on
    /// the spot for a round written up later, so that its timeline reads in one time. Nil for a `record` row, and
    /// when not given: the correction was then made when it was recorded (`recordedAt`).
    public var correctedAt: Instant?
    public var prevHash: String
    public var hash: String

    public init(
        id: Int64, inspection: Int64, violation: String, staff: String?, observedAt: Instant,
        clockTime: TimeOfDay?, minutes: Int?, note: String?, recordedBy: String, recordedAt: Instant,
        action: FindingAction, corrects: Int64?, reason: String?, correctedAt: Instant? = nil, prevHash: String = "",
        hash: String = ""
    ) {
        self.id = id
        self.inspection = inspection
        self.violation = violation
        self.staff = staff
        self.observedAt = observedAt
        self.clockTime = clockTime
        self.minutes = minutes
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.action = action
        self.corrects = corrects
        self.reason = reason
        self.correctedAt = correctedAt
        self.prevHash = prevHash
        self.hash = hash
    }

    /// When the row's act took place: the observation for a `record` row, the correction for the others (as given
    /// with `--at`, else when it was recorded). Timelines place the row there.
    public var actedAt: Instant {
        action == .record ? observedAt : correctedAt ?? recordedAt
    }
}
