import InspectCore

extension InspectService {
    /// Journals a call refused for `caller`'s role, as the daemon journals one: the access-denied event
    /// ``RefusalTally`` makes of it, through the outbox in a transaction of its own. A process that makes one call
    /// reports its refusal at once (the first of an interval always is).
    ///
    /// When the record cannot be written (a command that only reads opened it read-only), the event goes to the
    /// journal directly: a refusal is reported either way, and the call is refused either way.
    public func recordRefusal(_ caller: Caller, method: String, error: InspectError) {
        var tally = RefusalTally()
        guard let event = tally.refused(caller, method: method, error: error, at: 0) else { return }
        do {
            try perform { _, log in try log.emit(event) }
        } catch {
            _ = sender.sink.deliver(event, eventID: nil)
        }
    }
}
