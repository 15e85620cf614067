import CSystemd
import Glibc
import InspectCore

/// Reads journal entries in order and waits for new ones: the engine of `inspectctl follow`.
///
/// ```swift
/// let reader = try JournalReader()
/// try reader.apply(JournalFilter(fields: ["OFFICE": "UBND-TP"]))
/// try reader.seek(toRealtimeMicroseconds: since)
/// while true {
///     while let entry = try reader.next() { print(entry.fields["MESSAGE"] ?? "") }
///     _ = try reader.waitForChanges(timeout: .seconds(1))
/// }
/// ```
///
/// A reader owns an `sd_journal` handle, which is not thread-safe: use it from one thread, and let it go to close
/// the journal. Rotated and new journal files are picked up by `sd_journal_wait`, so a follower does not go quiet
/// after journald rotates (as some journal readers do).
///
/// - Important: Reading the system journal needs root or membership of `systemd-journal` (or `adm`). Without it,
///   libsystemd reports no error and simply finds nothing: check ``JournalAccess/current()`` and say so.
public final class JournalReader {
    /// Which journal files to read.
    public enum Source: Equatable, Sendable {
        /// This machine's system and user journals (`sd_journal_open` with `SD_JOURNAL_LOCAL_ONLY`).
        case local
        /// Every journal on this machine, local and remote (`sd_journal_open` without flags, `journalctl --merge`):
        /// at a center, also what `systemd-journal-remote` received from the sites into `/var/log/journal/remote`.
        case merged
        /// The journal files in one directory, as `journalctl -D` reads them: a private journal in tests, or a
        /// journal copied from another machine, or a center's `/var/log/journal/remote`.
        case directory(String)
    }

    private let journal: OpaquePointer

    /// Opens the journal.
    ///
    /// - Throws: ``JournalError`` when libsystemd cannot open it (a missing directory gives `ENOENT`).
    public init(_ source: Source = .local) throws(JournalError) {
        var handle: OpaquePointer?
        let result: Int32
        switch source {
        case .local: result = lazy_sd_journal_open(&handle, Int32(SD_JOURNAL_LOCAL_ONLY))
        case .merged: result = lazy_sd_journal_open(&handle, 0)
        case .directory(let path): result = lazy_sd_journal_open_directory(&handle, path, 0)
        }
        guard result >= 0, let handle else {
            throw JournalError(operation: "open the journal", errno: -result)
        }
        journal = handle
        // Without this, values over 64 KiB come back cut short.
        lazy_sd_journal_set_data_threshold(journal, 0)
    }

    deinit {
        lazy_sd_journal_close(journal)
    }

    // MARK: - Matches

    /// Adds a `FIELD=value` match. Matches on one field are alternatives; matches on different fields must all hold.
    ///
    /// - Throws: ``JournalError`` with `EINVAL` when the field name is not a journal field name.
    public func addMatch(field: String, value: String) throws(JournalError) {
        try addMatch("\(field)=\(value)")
    }

    /// Adds the filter's matches to those already added.
    public func apply(_ filter: JournalFilter) throws(JournalError) {
        for match in filter.matches {
            try addMatch(match)
        }
    }

    /// Removes every match: the reader returns all entries again.
    public func flushMatches() {
        lazy_sd_journal_flush_matches(journal)
    }

    private func addMatch(_ assignment: String) throws(JournalError) {
        let bytes = Array(assignment.utf8)
        let result = bytes.withUnsafeBytes { lazy_sd_journal_add_match(journal, $0.baseAddress, $0.count) }
        guard result >= 0 else { throw JournalError(operation: "add the match '\(assignment)'", errno: -result) }
    }

    // MARK: - Position

    /// Positions the reader before the oldest entry.
    public func seekHead() throws(JournalError) {
        try check(lazy_sd_journal_seek_head(journal), "seek to the start of the journal")
    }

    /// Positions the reader after the newest entry, so that ``next()`` returns only entries written from now on.
    public func seekTail() throws(JournalError) {
        try check(lazy_sd_journal_seek_tail(journal), "seek to the end of the journal")
        // After seek_tail, the next sd_journal_next() would return the last existing entry; stepping back onto it
        // makes the following next() move past it. With no entry at all, previous() stays at the start.
        try check(lazy_sd_journal_previous(journal), "seek to the end of the journal")
    }

    /// Positions the reader before the first entry received at or after `microseconds` since the epoch.
    public func seek(toRealtimeMicroseconds microseconds: Int64) throws(JournalError) {
        try check(lazy_sd_journal_seek_realtime_usec(journal, UInt64(max(0, microseconds))), "seek to a time")
    }

    /// Positions the reader before the first entry received at or after `instant`.
    public func seek(to instant: Instant) throws(JournalError) {
        try seek(toRealtimeMicroseconds: instant.seconds * 1_000_000)
    }

    // MARK: - Reading

    /// The next entry that matches, or `nil` at the end of the journal (more may come: see ``waitForChanges(timeout:)``).
    public func next() throws(JournalError) -> JournalEntry? {
        let moved = lazy_sd_journal_next(journal)
        try check(moved, "read the next entry")
        return moved == 0 ? nil : try currentEntry()
    }

    /// Moves to the next entry that matches, without reading its fields; false at the end of the journal. Read the
    /// fields wanted with ``value(of:)``: much faster than ``next()`` over a long journal.
    public func advance() throws(JournalError) -> Bool {
        let moved = lazy_sd_journal_next(journal)
        try check(moved, "read the next entry")
        return moved > 0
    }

    /// The value of `field` in the current entry, or nil when the entry has none.
    public func value(of field: String) -> String? {
        var data: UnsafeRawPointer?
        var length = 0
        guard lazy_sd_journal_get_data(journal, field, &data, &length) >= 0, let data else { return nil }
        let bytes = UnsafeRawBufferPointer(start: data, count: length)
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        return String(decoding: bytes[(equals + 1)...], as: UTF8.self)
    }

    /// Waits until the journal changes or `timeout` passes.
    ///
    /// - Parameter timeout: How long to wait at most; `nil` waits as long as it takes.
    /// - Returns: `true` when entries may have been added (call ``next()`` again), `false` on timeout. Files being
    ///   added or removed (`SD_JOURNAL_INVALIDATE`, which the first call always reports) count as a change.
    public func waitForChanges(timeout: Duration?) throws(JournalError) -> Bool {
        let microseconds = timeout.map { UInt64(max(0, $0 / .microseconds(1))) } ?? UInt64.max
        let result = lazy_sd_journal_wait(journal, microseconds)
        try check(result, "wait for the journal")
        return result != Int32(SD_JOURNAL_NOP)
    }

    private func currentEntry() throws(JournalError) -> JournalEntry {
        var realtime: UInt64 = 0
        try check(lazy_sd_journal_get_realtime_usec(journal, &realtime), "read an entry's time")
        var cursorPointer: UnsafeMutablePointer<CChar>?
        try check(lazy_sd_journal_get_cursor(journal, &cursorPointer), "read an entry's cursor")
        defer { free(cursorPointer) }
        let cursor = cursorPointer.map { String(cString: $0) } ?? ""

        var fields: [String: String] = [:]
        var data: UnsafeRawPointer?
        var length = 0
        lazy_sd_journal_restart_data(journal)
        while lazy_sd_journal_enumerate_available_data(journal, &data, &length) > 0, let data {
            let bytes = UnsafeRawBufferPointer(start: data, count: length)
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = String(decoding: bytes[..<equals], as: UTF8.self)
            if fields[name] == nil {
                fields[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
            }
        }
        return JournalEntry(realtimeMicroseconds: Int64(realtime), cursor: cursor, fields: fields)
    }

    private func check(_ result: Int32, _ operation: String) throws(JournalError) {
        guard result >= 0 else { throw JournalError(operation: operation, errno: -result) }
    }
}
