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

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        var quoted = "\""
        for character in value {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
