/// Checks `condition` every few milliseconds until it holds or `timeout` passes, for harnesses that wait on another
/// thread or process. The timeout only bounds a failing test, so it is generous: it times nothing.
///
/// - Returns: Whether the condition held in time.
public func pollUntil(timeout: Duration, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while true {
        if try await condition() { return true }
        if clock.now >= deadline { return false }
        try? await Task.sleep(for: .milliseconds(20))
    }
}
