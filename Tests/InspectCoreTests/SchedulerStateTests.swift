import InspectCore
import InspectTesting
import Testing

/// A record that applies the scheduler's actions, as the daemon's database does.
private struct SimulatedRecord {
    var items: [Int64: Agenda.Item]
    var nextPlanning: Instant?
    var dueMarked: [Int64] = []
    var missedMarked: [Int64] = []
    var planningRuns = 0

    var agenda: Agenda { Agenda(items: items.values.sorted { $0.id < $1.id }, nextPlanning: nextPlanning) }

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
        Agenda.Item(id: id, status: .scheduled, dueAt: t0.adding(seconds: due), windowEnd: t0.adding(seconds: due + window))
    }

    @Test("it arms for the earliest due instant and marks due exactly then, then missed at the window's end")
    func exactInstants() {
        var record = SimulatedRecord(items: [1: Self.item(1, due: 600), 2: Self.item(2, due: 300)])
        var state = SchedulerState()
        #expect(record.apply(state.wake(at: Self.t0, monotonic: 0, agenda: record.agenda)) == Self.t0.adding(seconds: 300))
        // One second early: nothing but re-arming.
        #expect(state.wake(at: Self.t0.adding(seconds: 299), monotonic: 299, agenda: record.agenda) == [.arm(Self.t0.adding(seconds: 300))])
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
        #expect(!again.contains { if case .markDue = $0 { true } else if case .markMissed = $0 { true } else { false } })
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
        var state = SchedulerState()
        var now = Self.t0
        var wakes = 0
        while let next = record.apply(state.wake(at: now, monotonic: now.seconds, agenda: record.agenda)) {
            // Each wake-up happens exactly when armed: check every mark happened at its own instant.
            now = next
            wakes += 1
        }
        #expect(Set(record.dueMarked) == Set(expected.keys))
        #expect(record.dueMarked.count == 300)
        #expect(record.missedMarked.count == 300)
        #expect(wakes <= 600)
    }
}
