/// One thing that happened, as it is reported to the journal (and, before that, kept in the outbox).
public struct Event: Hashable, Sendable, Codable {
    public var kind: EventKind
    public var priority: Priority
    /// One readable line: what happened, with the essential names and numbers.
    public var message: String
    /// Structured fields without the `INSPECTD_` prefix: `OFFICE`, `INSPECTION`, `VIOLATION`, `STAFF`, `SEVERITY`,
    /// `MINUTES`, …. Names are `[A-Z0-9_]` and do not start with `_`.
    public var fields: [String: String]

    public init(kind: EventKind, priority: Priority? = nil, message: String, fields: [String: String] = [:]) {
        self.kind = kind
        self.priority = priority ?? kind.defaultPriority
        self.message = message
        self.fields = fields
    }

    /// Whether `name` can be a journal field name after the `INSPECTD_` prefix.
    public static func isValidFieldName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("_")
            && name.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }
}
