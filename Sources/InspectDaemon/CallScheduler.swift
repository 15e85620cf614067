import Dispatch

/// Runs the API's calls off the queue that answers connections, fairly between users: each user has one call
/// running at most, and the users with calls waiting take turns. Reads run side by side on a few threads (SQLite's
/// readers see a snapshot while a write goes on); writes run one at a time on the daemon's own queue, with its loop's
/// writes, so they never wait on SQLite's lock.
///
/// So one user's large report or import, or a flood of calls from one account, delays that user's calls only: another
/// user's call waits for at most the calls already running.
///
/// - Important: Used on the queue given to `init` only (the API server's), which is also where `done` runs.
final class CallScheduler {
    /// One call to run: whose, and whether it writes.
    struct Job {
        var user: UInt32
        var writes: Bool
        /// Does the work where it is called (a reader thread or the daemon's queue).
        var run: @Sendable () -> Void
    }

    private let queue: DispatchQueue
    private let writer: DispatchQueue
    private let readers: DispatchQueue
    private let readerSlots: Int
    private var waiting: [UInt32: [Job]] = [:]
    /// Users with calls waiting, in the order they take turns.
    private var turns: [UInt32] = []
    private var running: Set<UInt32> = []
    private var readersRunning = 0
    private var writerRunning = false

    /// - Parameters:
    ///   - queue: The API server's queue, where jobs are submitted and their ends noted.
    ///   - writer: Where writes run, one at a time: the daemon's queue.
    ///   - readerSlots: How many reads run at once.
    init(queue: DispatchQueue, writer: DispatchQueue, readerSlots: Int = 2) {
        self.queue = queue
        self.writer = writer
        readers = DispatchQueue(label: "inspectd.readers", attributes: .concurrent)
        self.readerSlots = readerSlots
    }

    /// Calls waiting or running, for the status line and tests.
    var load: (waiting: Int, running: Int) { (waiting.values.reduce(0) { $0 + $1.count }, running.count) }

    func submit(_ job: Job) {
        dispatchPrecondition(condition: .onQueue(queue))
        if waiting[job.user, default: []].isEmpty, !turns.contains(job.user) { turns.append(job.user) }
        waiting[job.user, default: []].append(job)
        dispatchNext()
    }

    /// Starts what may start: for each user in turn with a call waiting and none running, if a slot of its kind is
    /// free.
    private func dispatchNext() {
        var index = 0
        while index < turns.count {
            let user = turns[index]
            guard !running.contains(user), let job = waiting[user]?.first, slotFree(writes: job.writes) else {
                index += 1
                continue
            }
            waiting[user]?.removeFirst()
            turns.remove(at: index)
            if waiting[user]?.isEmpty == false { turns.append(user) } else { waiting[user] = nil }
            start(job)
        }
    }

    private func slotFree(writes: Bool) -> Bool {
        writes ? !writerRunning : readersRunning < readerSlots
    }

    private func start(_ job: Job) {
        running.insert(job.user)
        if job.writes { writerRunning = true } else { readersRunning += 1 }
        let queue = queue
        let finished = ConfinedToDaemon(self)
        (job.writes ? writer : readers).async {
            job.run()
            queue.async { finished.value.finish(job) }
        }
    }

    private func finish(_ job: Job) {
        running.remove(job.user)
        if job.writes { writerRunning = false } else { readersRunning -= 1 }
        dispatchNext()
    }
}

/// A reference used on one serial queue only, carried through a closure that runs elsewhere and hops back to that
/// queue before touching it.
struct ConfinedToDaemon<Value: AnyObject>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
