/// Writes CSV that `CSVTable` (and spreadsheets) read back exactly: RFC 4180, LF line ends, a field quoted only when
/// it holds a comma, a quote or a line break.
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    /// Starts a file with its header row.
    public init(header: [String]) { append(header) }

    /// Adds one record; nil fields are written empty.
    public mutating func append(_ fields: [String?]) {
        text += fields.map { Self.field($0 ?? "") }.joined(separator: ",") + "\n"
    }

    /// The text appended since the last call, which the writer then forgets: a long export is written as it grows.
    public mutating func take() -> String {
        defer { text = "" }
        return text
    }

    /// Looks at scalars, not `Character`s, as `CSVTable` reads bytes: a comma or quote followed by a combining mark
    /// is one `Character` that equals neither.
    static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            quoted.unicodeScalars.append(scalar)
            if scalar == "\"" { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }
}
