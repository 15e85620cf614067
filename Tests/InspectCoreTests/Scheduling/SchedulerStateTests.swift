import InspectCore
import InspectTesting
import Testing

/// A record that applies the scheduler's actions, as the daemon's database does.
private struct SimulatedRecord {
    var items: [Int64: Agenda.Item]
    var nextPlanning: Instant?
    /// Open corrective actions not yet reported overdue.
    var actions: [Int64: Agenda.ActionItem] = [:]
    var dueMarked: [Int64] = []
    var missedMarked: [Int64] = []
    /// Each overdue report, with the wall-clock time it was made at.
    var overdueMarked: [(id: Int64, at: Instant)] = []
    var planningRuns = 0
    var now = Instant(seconds: 0)

    var agenda: Agenda {
        Agenda(
            items: items.values.sorted { $0.id < $1.id }, nextPlanning: nextPlanning,
            actions: actions.values.sorted { $0.id < $1.id })
    }

    /// Applies the actions; returns the instant the timer was armed for.
    mutating func apply(_ actions: [SchedulerAction], planEvery period: Int64 = 86400) -> Instant? {
        var armed: Instant?
        for action in actions {
            switch action {
            case .markDue(let id):
                items[id]?.status = .due
                dueMarked.append(id)
            case .markMissed(let id):
                items[id] = nil
                missedMarked.append(id)
            case .markOverdue(let id):
                // Reported once: the record no longer lists it among the actions waiting to become overdue.
                self.actions[id] = nil
                overdueMarked.append((id, now))
            case .applyPlans:
                planningRuns += 1
                nextPlanning = nextPlanning.map { $0.adding(seconds: period) }
            case .arm(let instant):
                armed = instant
            case .retryJournal, .clockJumped:
                break
            }
        }
        return armed
    }
}

@Suite("Scheduler state machine")
struct SchedulerStateTests {
    static let t0 = Instant(seconds: 1_800_000_000)

    static func item(_ id: Int64, due: Int64, window: Int64 = 3600) -> Agenda.Item {
        Agenda.Item(
            id: id, status: .scheduled, dueAt: t0.adding(seconds: due), windowEnd: t0.adding(seconds: due + window))
    }

    @Test("it arms for the earliest due instant and marks due exactly then, then missed at the window's end")
    func exactInstants() {
        var record = SimulatedRecord(items: [1: Self.item(1, due: 600), 2: Self.item(2, due: 300)])
        var state = SchedulerState()
        #expect(
            record.apply(state.wake(at: Self.t0, monotonic: 0, agenda: record.agenda)) == Self.t0.adding(seconds: 300))
        // One second early: nothing but re-arming.
        #expect(
            state.wake(at: Self.t0.adding(seconds: 299), monotonic: 299, agenda: record.agenda) == [
                .arm(Self.t0.adding(seconds: 300))
            ])
        let armed = record.apply(state.wake(at: Self.t0.adding(seconds: 300), monotonic: 300, agenda: record.agenda))
        #expect(record.dueMarked == [2])
        #expect(armed == Self.t0.adding(seconds: 600))
        _ = record.apply(state.wake(at: Self.t0.adding(seconds: 600), monotonic: 600, agenda: record.agenda))
        #expect(record.dueMarked == [2, 1])
        // Item 2's window ends at 300 + 3600.
        let missedAt = Self.t0.adding(seconds: 3900)
        _ = record.apply(state.wake(at: missedAt, monotonic: 3900, agenda: record.agenda))
        #expect(record.missedMarked == [2])
    }

    @Test("catch-up after downtime: due if the window is open, missed if it closed, each once")
    func catchUp() {
        var record = SimulatedRecord(items: [
            1: Self.item(1, due: 0, window: 7200), 2: Self.item(2, due: 100, window: 60), 3: Self.item(3, due: 99999),
        ])
        var state = SchedulerState()
        let actions = state.wake(at: Self.t0.adding(seconds: 3600), monotonic: 0, agenda: record.agenda)
        #expect(actions.prefix(2) == [.markDue(1), .markMissed(2)])
        _ = record.apply(actions)
        let again = state.wake(at: Self.t0.adding(seconds: 3601), monotonic: 1, agenda: record.agenda)
        #expect(
            !again.contains { if case .markDue = $0 { true } else if case .markMissed = $0 { true } else { false } })
    }

    @Test("a jump back re-arms without repeating; a jump forward handles the skipped span once")
    func clockJumps() {
        var record = SimulatedRecord(items: [1: Self.item(1, due: 600), 2: Self.item(2, due: 7200)])
        var state = SchedulerState()
        _ = record.apply(state.wake(at: Self.t0.adding(seconds: 600), monotonic: 600, agenda: record.agenda))
        #expect(record.dueMarked == [1])
        // The clock is set back two hours: item 1 stays due, nothing is marked again.
        let back = state.wake(at: Self.t0.adding(seconds: 601 - 7200), monotonic: 601, agenda: record.agenda)
        #expect(back.first == .clockJumped(seconds: -7200))
        _ = record.apply(back)
        #expect(record.dueMarked == [1])
        // Forward a day: item 2 falls due and misses in one wake-up, item 1 misses; each once.
        let forward = state.wake(at: Self.t0.adding(seconds: 90000), monotonic: 602, agenda: record.agenda)
        #expect(forward.first.map { if case .clockJumped = $0 { true } else { false } } == true)
        _ = record.apply(forward)
        #expect(record.missedMarked.sorted() == [1, 2])
        #expect(record.dueMarked == [1])
    }

    @Test("plans are applied when their instant comes, and nothing is armed for the past")
    func planning() {
        var record = SimulatedRecord(items: [:], nextPlanning: Self.t0.adding(seconds: 50))
        var state = SchedulerState()
        #expect(state.wake(at: Self.t0, monotonic: 0, agenda: record.agenda) == [.arm(Self.t0.adding(seconds: 50))])
        let actions = state.wake(at: Self.t0.adding(seconds: 50), monotonic: 50, agenda: record.agenda)
        #expect(actions == [.applyPlans])
        _ = record.apply(actions)
        // The daemon wakes the machine again with the agenda the actions changed: only arming is left.
        let armed = record.apply(state.wake(at: Self.t0.adding(seconds: 50), monotonic: 50, agenda: record.agenda))
        #expect(record.planningRuns == 1)
        #expect(armed == Self.t0.adding(seconds: 50 + 86400))
    }

    static func action(_ id: Int64, due: Int64) -> Agenda.ActionItem {
        Agenda.ActionItem(id: id, dueAt: t0.adding(seconds: due))
    }

    @Test("a corrective action is reported overdue at its due instant, once, and arms the timer like an inspection")
    func actionOverdue() {
        // Given two open actions, due in 100 and 500 seconds, and an inspection due in 300
        var record = SimulatedRecord(items: [1: Self.item(1, due: 300)])
        record.actions = [7: Self.action(7, due: 100), 8: Self.action(8, due: 500)]
        var state = SchedulerState()
        // When the scheduler wakes now, it arms for the first action's due instant
        #expect(state.wake(at: Self.t0, monotonic: 0, agenda: record.agenda) == [.arm(Self.t0.adding(seconds: 100))])
        // Then at that instant it reports action 7 overdue and arms for the inspection
        record.now = Self.t0.adding(seconds: 100)
        let armed = record.apply(state.wake(at: record.now, monotonic: 100, agenda: record.agenda))
        #expect(record.overdueMarked.map(\.id) == [7])
        #expect(armed == Self.t0.adding(seconds: 300))
        // And a second wake-up with the agenda read afresh reports nothing again
        #expect(
            state.wake(at: record.now, monotonic: 100, agenda: record.agenda) == [.arm(Self.t0.adding(seconds: 300))])
    }

    @Test("an action that fell overdue while the daemon was down is reported once at the first wake-up")
    func actionCatchUp() {
        var record = SimulatedRecord(items: [:])
        record.actions = [3: Self.action(3, due: -86400), 4: Self.action(4, due: -60), 5: Self.action(5, due: 60)]
        var state = SchedulerState()
        let actions = state.wake(at: Self.t0, monotonic: 0, agenda: record.agenda)
        #expect(actions == [.markOverdue(3), .markOverdue(4), .arm(Self.t0.adding(seconds: 60))])
        _ = record.apply(actions)
        #expect(
            state.wake(at: Self.t0.adding(seconds: 1), monotonic: 1, agenda: record.agenda) == [
                .arm(Self.t0.adding(seconds: 60))
            ])
    }

    @Test("an action done before its due instant leaves the agenda and is never reported")
    func actionDoneInTime() {
        var record = SimulatedRecord(items: [:])
        record.actions = [9: Self.action(9, due: 600)]
        var state = SchedulerState()
        #expect(state.wake(at: Self.t0, monotonic: 0, agenda: record.agenda) == [.arm(Self.t0.adding(seconds: 600))])
        record.actions[9] = nil
        #expect(state.wake(at: Self.t0.adding(seconds: 600), monotonic: 600, agenda: record.agenda).isEmpty)
        #expect(record.overdueMarked.isEmpty)
    }

    @Test("over a simulated month of random schedules, every inspection is due once and missed once, at its instants")
    func simulatedMonth() {
        var generator = SplitMix64(seed: 42)
        var items: [Int64: Agenda.Item] = [:]
        for id in 1...300 {
            let due = Int64.random(in: 0..<(30 * 86400), using: &generator)
            items[Int64(id)] = Self.item(Int64(id), due: due, window: Int64.random(in: 60...14400, using: &generator))
        }
        let expected = items
        var record = SimulatedRecord(items: items)
        var actions: [Int64: Agenda.ActionItem] = [:]
        for id in 1...100 {
            actions[Int64(id)] = Self.action(Int64(id), due: Int64.random(in: 1..<(30 * 86400), using: &generator))
        }
        record.actions = actions
        var state = SchedulerState()
        record.now = Self.t0
        var wakes = 0
        while let next = record.apply(state.wake(at: record.now, monotonic: record.now.seconds, agenda: record.agenda))
        {
            // Each wake-up happens exactly when armed: check every mark happened at its own instant.
            record.now = next
            wakes += 1
        }
        #expect(Set(record.dueMarked) == Set(expected.keys))
        #expect(record.dueMarked.count == 300)
        #expect(record.missedMarked.count == 300)
        // Every action reported overdue once, exactly at its due instant.
        #expect(record.overdueMarked.count == 100)
        #expect(record.overdueMarked.allSatisfy { actions[$0.id]?.dueAt == $0.at })
        #expect(wakes <= 700)
    }
}
