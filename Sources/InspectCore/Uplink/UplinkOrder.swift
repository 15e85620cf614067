/// A fact of the record in the order it was committed: a ledger entry or a finding.
public enum UplinkItem: Sendable, Hashable {
    case entry(UplinkEntry)
    case finding(Finding)
}

/// Puts ledger entries and findings, each numbered in its own sequence, back in the order they were committed.
///
/// An entry comes after every finding up to its `findingsBefore` and before the next one. Each list is a prefix of
/// what is left to send, read in one snapshot; a list that is not `complete` may go on beyond what was read, so the
/// merge stops where the next item could be one not read yet.
public enum UplinkOrder {
    public static func merge(
        entries: [UplinkEntry], entriesComplete: Bool, findings: [Finding], findingsComplete: Bool, limit: Int
    ) -> [UplinkItem] {
        var items: [UplinkItem] = []
        var e = entries.startIndex
        var f = findings.startIndex
        while items.count < limit {
            let entry = e < entries.endIndex ? entries[e] : nil
            let finding = f < findings.endIndex ? findings[f] : nil
            switch (entry, finding) {
            case (let entry?, let finding?):
                if (entry.findingsBefore ?? -1) < finding.id {
                    items.append(.entry(entry))
                    e += 1
                } else {
                    items.append(.finding(finding))
                    f += 1
                }
            case (let entry?, nil):
                // The next finding not read would come first if the entry was written after it.
                guard findingsComplete || (findings.last.map { (entry.findingsBefore ?? -1) <= $0.id } ?? false) else {
                    return items
                }
                items.append(.entry(entry))
                e += 1
            case (nil, let finding?):
                guard entriesComplete else { return items }
                items.append(.finding(finding))
                f += 1
            case (nil, nil):
                return items
            }
        }
        return items
    }
}
