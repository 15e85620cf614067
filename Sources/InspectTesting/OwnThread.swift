import Foundation

/// Runs `body` on a thread of its own and waits for it without holding one of the cooperative pool's threads.
///
/// Swift's cooperative pool has one thread per core: a `Task.detached` that blocks (waiting for a child process, or
/// a loop of them) takes one of the two threads a small machine has, and when every thread is blocked this way no
/// other test, nor the harness reading what a child sends, runs until one returns.
public func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
