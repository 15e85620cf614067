/// The scheduler as a pure state machine: given the wall-clock time of a wake-up and the agenda, it says what to do
/// and when to wake next. It does no I/O and keeps no copy of the record, so it is tested with a hand-set clock.
///
/// Nothing happens twice: each action moves an inspection out of the state that caused it (`scheduled → due`,
/// `due → missed`) or marks a corrective action reported overdue, and the next agenda is read after the actions are
/// applied. What fell due while the daemon was
/// down is handled at the first wake-up, once, like `Persistent=true` timers: due if its window is still open,
/// missed if not. A wall-clock jump forward handles the skipped span at once; a jump back only re-arms.
///
/// After applying the actions of a wake-up, the daemon calls `wake` again with the agenda read afresh: plans
/// applied may have added earlier instants. That second call marks nothing again and only arms.
///
/// ```swift
/// var state = SchedulerState()
/// for action in state.wake(at: now, monotonic: uptime, agenda: agenda) { … }
/// ```
public struct SchedulerState: Sendable {
    /// How far a wake-up may stray from its armed instant before it counts as a clock jump.
    public static let jumpTolerance: Int64 = 60

    /// The instant the last wake-up armed the timer for.
    public private(set) var armedFor: Instant?
    /// The wall-clock time of the last wake-up, and the monotonic time then (seconds since any origin).
    public private(set) var lastWake: (wall: Instant, monotonic: Int64)?

    public init() {}

    /// The actions for a wake-up at `now` (wall clock), with `monotonic` the monotonic clock in seconds.
    public mutating func wake(at now: Instant, monotonic: Int64, agenda: Agenda) -> [SchedulerAction] {
        var actions: [SchedulerAction] = []
        if let last = lastWake {
            let drift = (now.seconds - last.wall.seconds) - (monotonic - last.monotonic)
            if abs(drift) > Self.jumpTolerance { actions.append(.clockJumped(seconds: drift)) }
        }
        var next: Instant?
        func consider(_ instant: Instant?) {
            guard let instant, instant > now else { return }
            next = min(next ?? instant, instant)
        }
        for item in agenda.items.sorted(by: { ($0.dueAt ?? now, $0.id) < ($1.dueAt ?? now, $1.id) }) {
            switch item.status {
            case .scheduled:
                guard let due = item.dueAt else { continue }
                if due > now {
                    consider(due)
                } else if let end = item.windowEnd, end <= now {
                    actions.append(.markMissed(item.id))
                } else {
                    actions.append(.markDue(item.id))
                    consider(item.windowEnd)
                }
            case .due:
                if let end = item.windowEnd, end <= now {
                    actions.append(.markMissed(item.id))
                } else {
                    consider(item.windowEnd)
                }
            default:
                continue
            }
        }
        for action in agenda.actions.sorted(by: { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }) {
            if action.dueAt <= now { actions.append(.markOverdue(action.id)) } else { consider(action.dueAt) }
        }
        if let planning = agenda.nextPlanning {
            if planning <= now { actions.append(.applyPlans) } else { consider(planning) }
        }
        if let retry = agenda.retryJournal {
            if retry <= now { actions.append(.retryJournal) } else { consider(retry) }
        }
        lastWake = (now, monotonic)
        armedFor = next
        if let next { actions.append(.arm(next)) }
        return actions
    }
}
