import InspectCore

/// One journal entry as `inspectctl follow` shows it.
public struct JournalEntry: Equatable, Sendable {
    /// When journald received the entry, in microseconds since 1970-01-01 00:00:00 UTC (`__REALTIME_TIMESTAMP`).
    public var realtimeMicroseconds: Int64
    /// Where the entry is, for resuming after it (`sd_journal_seek_cursor`).
    public var cursor: String
    /// Every field by name, trusted (`_PID`, `_UID`, …) and sent (`MESSAGE`, `INSPECTD_OFFICE`, …). Values are UTF-8,
    /// with invalid bytes replaced; a field sent more than once keeps its first value.
    public var fields: [String: String]

    public init(realtimeMicroseconds: Int64, cursor: String, fields: [String: String]) {
        self.realtimeMicroseconds = realtimeMicroseconds
        self.cursor = cursor
        self.fields = fields
    }

    /// The second the entry was received; ``realtimeMicroseconds`` keeps the fraction.
    public var realtime: Instant {
        let seconds = realtimeMicroseconds / 1_000_000
        return Instant(seconds: realtimeMicroseconds % 1_000_000 < 0 ? seconds - 1 : seconds)
    }

    /// The microseconds after ``realtime``: 0 to 999,999.
    public var microsecond: Int {
        Int(realtimeMicroseconds - realtime.seconds * 1_000_000)
    }
}
