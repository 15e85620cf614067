import Glibc
import InspectCore

extension JournalWriter {
    /// How long to wait for journald to store the checkpoint entry before giving up and sending again.
    static let checkpointTimeout: Duration = .seconds(5)

    /// Which of these outbox events the journal already holds for `record`, or nil when that cannot be known (no
    /// journald, or a user who may not read the system journal); looked up by `INSPECTD_RECORD` and
    /// `INSPECTD_EVENT_ID` once the journal has caught up.
    public func delivered(_ eventIDs: Set<Int64>, record: String) -> Set<Int64>? {
        guard !eventIDs.isEmpty else { return [] }
        do {
            guard let reader = try caughtUp() else { return nil }
            try reader.addMatch(field: "INSPECTD_RECORD", value: record)
            for id in eventIDs.sorted() {
                try reader.addMatch(field: "INSPECTD_EVENT_ID", value: String(id))
            }
            try reader.seekHead()
            var found: Set<Int64> = []
            while let entry = try reader.next() {
                if let id = entry.fields["INSPECTD_EVENT_ID"].flatMap(Int64.init), eventIDs.contains(id) {
                    found.insert(id)
                }
            }
            return found
        } catch {
            return nil
        }
    }

    /// Everything the journal holds of `record`'s events that `verify` and `plan audit` check the record against:
    /// every finding's hash, the ledger's heads, the draws' commitments. Read after a checkpoint, so the events this
    /// process sent are in.
    public func witnessed(record: String) -> Witnessed? {
        do {
            guard let reader = try caughtUp() else { return nil }
            try reader.addMatch(field: "INSPECTD_RECORD", value: record)
            try reader.seekHead()
            var witnessed = Witnessed()
            while try reader.advance() {
                var fields: [String: String] = [:]
                for name in Witnessed.fieldNames {
                    if let value = reader.value(of: "INSPECTD_" + name) { fields[name] = value }
                }
                witnessed.add(fields: fields)
            }
            return witnessed
        } catch {
            return nil
        }
    }

    /// A reader of the system journal with no matches, once every entry sent so far is readable: nil when this user
    /// may not read the system journal, no journald runs, or the checkpoint did not come back in time.
    ///
    /// A process killed after `sd_journal_sendv` returned may leave its datagram still queued on journald's socket,
    /// not yet in any journal file. So this first sends a checkpoint entry (`INSPECTD_CHECKPOINT=<random>`, priority
    /// debug) and waits until it can be read back: journald takes datagrams from its socket in order, so every entry
    /// sent before the checkpoint is then stored.
    private func caughtUp() throws(JournalError) -> JournalReader? {
        guard JournalAccess.current() == .systemJournal, access(socketPath, W_OK) == 0 else { return nil }
        let checkpoint = String(UInt64.random(in: 1...UInt64.max), radix: 16)
        let sent = Self.sendv([
            "MESSAGE=Checkpoint: reading back the events sent so far",
            "PRIORITY=\(Priority.debug.rawValue)",
            "SYSLOG_IDENTIFIER=\(identifier)",
            "INSPECTD_CHECKPOINT=\(checkpoint)",
        ])
        guard sent >= 0 else { return nil }
        let reader = try JournalReader()
        guard try waitFor(checkpoint: checkpoint, in: reader) else { return nil }
        reader.flushMatches()
        return reader
    }

    /// Whether the checkpoint entry became readable within ``checkpointTimeout``.
    private func waitFor(checkpoint: String, in reader: JournalReader) throws(JournalError) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Self.checkpointTimeout)
        try reader.addMatch(field: "INSPECTD_CHECKPOINT", value: checkpoint)
        while clock.now < deadline {
            try reader.seekHead()
            if try reader.next() != nil { return true }
            _ = try reader.waitForChanges(timeout: .milliseconds(100))
        }
        return false
    }
}
