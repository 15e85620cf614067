import Foundation
import Synchronization

/// Starts `body` on a thread of its own at once, and returns a task that waits for what it returns.
///
/// Swift's cooperative pool has one thread per core. A `Task.detached` that blocks (waiting for a child process, or a
/// loop of them) takes one of the two threads a small machine has; and when other tests hold both, such a task does
/// not even start: a child a test waits for was not started within 30 s under load. The thread here starts before
/// this function returns, whatever the pool is doing; only collecting the result needs the pool.
public func startOnOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) -> Task<T, any Error> {
    let outcome = Outcome<T>()
    Thread.detachNewThread { outcome.finish(Result { try body() }) }
    return Task { try await outcome.value() }
}

/// ``startOnOwnThread(_:)``, awaited.
public func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await startOnOwnThread(body).value
}

/// The result of a thread's work, handed to the one task that waits for it, whichever comes first.
private final class Outcome<T: Sendable>: Sendable {
    private let state = Mutex<(result: Result<T, any Error>?, waiter: CheckedContinuation<T, any Error>?)>((nil, nil))

    func finish(_ result: Result<T, any Error>) {
        let waiter = state.withLock { state in
            state.result = result
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(with: result)
    }

    func value() async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state in
                if state.result == nil { state.waiter = continuation }
                return state.result
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
