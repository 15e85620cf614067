/// An iCalendar file (RFC 5545) of timed events, for calendar applications.
///
/// Times are written in UTC (`20270301T013000Z`), so no `VTIMEZONE` is needed; text is escaped (`\\`, `;`, `,`,
/// line breaks) and lines are folded at 75 octets without splitting a UTF-8 character; lines end with CRLF.
public struct ICalendar: Sendable {
    /// One `VEVENT`.
    public struct Event: Sendable, Hashable {
        /// Globally unique and stable across exports, so a re-import updates rather than duplicates.
        public var uid: String
        public var start: Instant
        /// When the event ends; nil for an event at an instant (RFC 5545 §3.6.1: it then ends when it starts).
        public var end: Instant?
        public var summary: String
        public var location: String?
        public var description: String?
        public var cancelled: Bool

        public init(
            uid: String, start: Instant, end: Instant? = nil, summary: String, location: String? = nil,
            description: String? = nil, cancelled: Bool = false
        ) {
            self.uid = uid
            self.start = start
            self.end = end
            self.summary = summary
            self.location = location
            self.description = description
            self.cancelled = cancelled
        }
    }

    public var name: String
    public var events: [Event]
    /// When the file was made (`DTSTAMP` of every event).
    public var stamp: Instant

    public init(name: String, events: [Event], stamp: Instant) {
        self.name = name
        self.events = events
        self.stamp = stamp
    }

    /// The file's text.
    public var text: String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//inspectd//inspectctl export calendar//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name),
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT", "UID:" + Self.escape(event.uid), "DTSTAMP:" + Self.utc(stamp),
                "DTSTART:" + Self.utc(event.start),
            ]
            if let end = event.end { lines.append("DTEND:" + Self.utc(end)) }
            lines.append("SUMMARY:" + Self.escape(event.summary))
            if let location = event.location { lines.append("LOCATION:" + Self.escape(location)) }
            if let description = event.description { lines.append("DESCRIPTION:" + Self.escape(description)) }
            lines.append("STATUS:" + (event.cancelled ? "CANCELLED" : "CONFIRMED"))
            lines.append("TRANSP:OPAQUE")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20270301T013000Z`.
    static func utc(_ instant: Instant) -> String {
        let local = LocalZone.utc.local(instant)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let date = local.date
        let time = local.time
        return "\(date.year)\(two(date.month))\(two(date.day))T\(two(time.hour))\(two(time.minute))\(two(time.second))Z"
    }

    /// Escapes TEXT values (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Folds a content line into lines of at most 75 octets, continuation lines starting with a space
    /// (RFC 5545 §3.1), never inside a UTF-8 character.
    static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            let limit = lines.isEmpty ? 75 : 74
            if octets + size > limit {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }
}
