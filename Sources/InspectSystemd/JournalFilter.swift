import InspectCore

/// Which entries a ``JournalReader`` returns, as journal matches.
///
/// Values listed for one field are alternatives (OR); different fields must all match (AND). This is how
/// `sd_journal_add_match` combines matches, so the filter maps onto it without disjunctions.
public struct JournalFilter: Equatable, Sendable {
    /// `SYSLOG_IDENTIFIER=` values; empty means any program.
    public var identifiers: [String]
    /// `INSPECTD_<NAME>=value` matches, by name without the prefix: `["OFFICE": "UBND-TP"]`.
    public var fields: [String: String]
    /// The priorities to show (`PRIORITY=`); `nil` means all. `.emergency ... .warning` is `journalctl -p warning`.
    public var priorities: ClosedRange<Priority>?

    public init(
        identifiers: [String] = ["inspectd", "inspectctl"],
        fields: [String: String] = [:],
        priorities: ClosedRange<Priority>? = nil
    ) {
        self.identifiers = identifiers
        self.fields = fields
        self.priorities = priorities
    }

    /// The `FIELD=value` matches, in a stable order.
    public var matches: [String] {
        var result = identifiers.map { "SYSLOG_IDENTIFIER=\($0)" }
        result += fields.sorted(by: { $0.key < $1.key }).map { "INSPECTD_\($0.key)=\($0.value)" }
        if let priorities {
            result += Priority.allCases.filter { priorities.contains($0) }.map { "PRIORITY=\($0.rawValue)" }
        }
        return result
    }
}
