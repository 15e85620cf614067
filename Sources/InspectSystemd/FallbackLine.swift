import InspectCore

/// The one line an event becomes on stderr when the journal cannot take it.
///
/// It reads like a syslog line, `inspectd[812]: warning: <message> [KIND=… EVENT_ID=… OFFICE=…]`, so that a person
/// tailing a log file or a container's output understands it, and it stays one line whatever the values hold:
/// control characters are escaped, and values with spaces are quoted.
enum FallbackLine {
    static func format(_ event: Event, eventID: String?, identifier: String, pid: Int32) -> String {
        var pairs = [("KIND", event.kind.rawValue)]
        if let eventID {
            pairs.append(("EVENT_ID", eventID))
        }
        for field in event.journalFields(replacingEventID: eventID) {
            pairs.append((escaped(field.name), field.value))
        }
        let details = pairs.map { "\($0.0)=\(quoted($0.1))" }.joined(separator: " ")
        return "\(identifier)[\(pid)]: \(event.priority.name): \(escaped(event.message)) [\(details)]"
    }

    /// `text` with backslashes and control characters written as escapes (`\n`, `\t`, `\x1b`, `\u{202e}`), by
    /// ``TerminalText``'s rule; other characters, Vietnamese letters among them, stay as they are.
    static func escaped(_ text: String) -> String {
        TerminalText.escaped(text, backslashes: true)
    }

    /// An escaped value, in double quotes when it is empty or holds a space, a quote, `=` or `]`.
    static func quoted(_ value: String) -> String {
        let text = escaped(value)
        guard text.isEmpty || text.contains(where: { " \"=]".contains($0) }) else { return text }
        return "\"" + text.replacing("\"", with: "\\\"") + "\""
    }
}
