/// What the scheduler must know at a wake-up: the inspections waiting for their due instant or their window to
/// close, and when plans must next be applied. Read afresh from the record at every wake-up, so the scheduler never
/// acts on a stale copy of what the CLI or another process changed.
public struct Agenda: Hashable, Sendable {
    /// An inspection waiting for a moment: `scheduled` ones wait for `dueAt`, `due` ones for `windowEnd`.
    public struct Item: Hashable, Sendable {
        public var id: Int64
        public var status: InspectionStatus
        public var dueAt: Instant?
        public var windowEnd: Instant?

        public init(id: Int64, status: InspectionStatus, dueAt: Instant?, windowEnd: Instant?) {
            self.id = id
            self.status = status
            self.dueAt = dueAt
            self.windowEnd = windowEnd
        }
    }

    /// A corrective action still open and not yet reported overdue, waiting for its due instant.
    public struct ActionItem: Hashable, Sendable {
        public var id: Int64
        public var dueAt: Instant

        public init(id: Int64, dueAt: Instant) {
            self.id = id
            self.dueAt = dueAt
        }
    }

    /// Scheduled and due inspections (others are ignored).
    public var items: [Item]
    /// When plans must be applied again: a period turning (draw ahead, reveal the last), or the horizon to extend.
    public var nextPlanning: Instant?
    /// When events that could not reach the journal should be tried again, if any are waiting.
    public var retryJournal: Instant?
    /// Open corrective actions not yet reported overdue. Reporting one removes it from the next agenda, so each is
    /// reported once.
    public var actions: [ActionItem]

    public init(items: [Item], nextPlanning: Instant?, retryJournal: Instant? = nil, actions: [ActionItem] = []) {
        self.items = items
        self.nextPlanning = nextPlanning
        self.retryJournal = retryJournal
        self.actions = actions
    }
}

/// What the daemon must do after a wake-up, in order.
public enum SchedulerAction: Hashable, Sendable {
    /// The inspection's due instant has come: `scheduled → due`.
    case markDue(Int64)
    /// Its window closed without it being opened: `scheduled` or `due` → `missed`.
    case markMissed(Int64)
    /// The corrective action's due instant passed while it was open: report it overdue, once.
    case markOverdue(Int64)
    /// Apply the plans: schedule ahead, draw periods, reveal ended ones.
    case applyPlans
    /// Send the outbox's waiting events again.
    case retryJournal
    /// The wall clock moved by this many seconds more (or less, when negative) than the time that passed: a jump.
    case clockJumped(seconds: Int64)
    /// Sleep until this instant (the earliest moment anything on the agenda happens).
    case arm(Instant)
}
