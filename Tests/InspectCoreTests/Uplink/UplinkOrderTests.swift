import InspectCore
import InspectTesting
import Testing

/// ``UplinkOrder`` puts ledger entries and findings back in the order they were committed, however the uplink
/// happens to read them: histories are generated at random, and read in prefixes of random lengths, as the uplink
/// reads after its cursor; what comes out, prefix after prefix, must be the history itself.
struct UplinkOrderTests {
    /// A history of `length` facts, each an entry or a finding, numbered as the record numbers them: entries note
    /// how many findings existed when they were written.
    static func history(length: Int, using generator: inout SplitMix64) -> [UplinkItem] {
        var findings: Int64 = 0
        var seq: Int64 = 0
        return (0..<length).map { _ in
            if Bool.random(using: &generator) {
                findings += 1
                return .finding(finding(findings))
            }
            seq += 1
            return .entry(entry(seq, findingsBefore: findings))
        }
    }

    static func finding(_ id: Int64) -> Finding {
        Finding(
            id: id, inspection: 1, violation: "LATE", staff: nil, observedAt: Instant(seconds: 0), clockTime: nil,
            minutes: nil, note: nil, recordedBy: "root", recordedAt: Instant(seconds: 0), action: .record,
            corrects: nil, reason: nil, hash: "h\(id)")
    }

    static func entry(_ seq: Int64, findingsBefore: Int64?) -> UplinkEntry {
        UplinkEntry(
            seq: seq, table: "office", key: "[\(seq)]", row: [:], mac: "m\(seq)", findingsBefore: findingsBefore,
            writtenAt: nil)
    }

    @Test("read in prefixes of any length, entries and findings come out in the order they were committed")
    func commitOrder() {
        var generator = SplitMix64(seed: 20_261_207)
        for _ in 0..<300 {
            let history = Self.history(length: Int.random(in: 0...60, using: &generator), using: &generator)
            let entries = history.compactMap { if case .entry(let e) = $0 { e } else { nil } }
            let findings = history.compactMap { if case .finding(let f) = $0 { f } else { nil } }
            var sent: [UplinkItem] = []
            var (seq, id) = (Int64(0), Int64(0))
            var stalled = 0
            while sent.count < history.count && stalled < 100 {
                let limit = Int.random(in: 1...8, using: &generator)
                let nextEntries = entries.filter { $0.seq > seq }
                let nextFindings = findings.filter { $0.id > id }
                let items = UplinkOrder.merge(
                    entries: Array(nextEntries.prefix(limit)), entriesComplete: nextEntries.count <= limit,
                    findings: Array(nextFindings.prefix(limit)), findingsComplete: nextFindings.count <= limit,
                    limit: limit)
                stalled = items.isEmpty ? stalled + 1 : 0
                for item in items {
                    switch item {
                    case .entry(let entry): seq = entry.seq
                    case .finding(let finding): id = finding.id
                    }
                }
                sent += items
            }
            #expect(sent == history)
        }
    }

    @Test("a prefix that ends before the next item could be placed stops there, and goes on when read further")
    func stopsWhereUnknown() {
        // Entry 1 was written after finding 3: with findings read only up to 2, finding 3 may come first.
        let items = UplinkOrder.merge(
            entries: [Self.entry(1, findingsBefore: 3)], entriesComplete: true,
            findings: [Self.finding(1), Self.finding(2)], findingsComplete: false, limit: 10)
        #expect(items == [.finding(Self.finding(1)), .finding(Self.finding(2))])
        // Finding 2 with entries read up to one not yet past it: the next entry may come first.
        let waiting = UplinkOrder.merge(
            entries: [Self.entry(1, findingsBefore: 0)], entriesComplete: false, findings: [Self.finding(1)],
            findingsComplete: true, limit: 10)
        #expect(waiting == [.entry(Self.entry(1, findingsBefore: 0))])
    }

    @Test("entries written before the uplink existed come before every finding")
    func unmarkedEntriesFirst() {
        let items = UplinkOrder.merge(
            entries: [Self.entry(1, findingsBefore: nil), Self.entry(2, findingsBefore: nil)], entriesComplete: true,
            findings: [Self.finding(1)], findingsComplete: true, limit: 10)
        #expect(
            items == [
                .entry(Self.entry(1, findingsBefore: nil)), .entry(Self.entry(2, findingsBefore: nil)),
                .finding(Self.finding(1)),
            ])
    }
}
