/// Text made safe to show to a person: the one rule by which inspectd escapes what it prints for people to read
/// (`inspectctl`'s tables, fields, messages and errors; the daemon's lines on stderr).
///
/// A terminal acts on some characters instead of showing them: C0 controls (ESC starts the sequences that recolour,
/// move the cursor, retitle the window or, through OSC 52, write the clipboard), DEL, the C1 controls (U+0080–U+009F,
/// CSI and OSC among them) and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make
/// text read in an order other than the one it is stored in. Each is written as a visible escape instead: `\x1b`
/// for a C0 control or DEL, `\u{9b}` for a C1 control, `\u{202e}` for a bidi control, and `\n`, `\r`, `\t` for line
/// breaks and tabs where the layout does not keep them. Every other character, Vietnamese letters among them, is
/// left as it is.
///
/// Names and notes are checked where they enter (`InputLimits`), so a control character reaches output only from a
/// record written before those checks, from a file, or from the journal; bidi controls are accepted in text and
/// escaped here. JSON and CSV are written exactly, with their own escaping, not through this type.
///
/// ```swift
/// TerminalText.escaped("xin \u{1B}[31mchào")  // "xin \\x1b[31mchào"
/// TerminalText.quoted(line)                    // "'root:x:0:0:…'", at most 80 characters of it
/// ```
public enum TerminalText {
    /// Which layout characters pass through unescaped.
    public enum Layout: Sendable {
        /// One line, as a table cell, a field or a log line: line breaks and tabs are escaped too.
        case line
        /// Lines of text: LF, CR LF and tab are kept; a CR alone (which moves the cursor back over a line) is not.
        case lines
    }

    /// How many characters of a quoted excerpt are shown, by default.
    public static let excerptLength = 80

    /// Whether a terminal acts on `scalar` instead of showing it: C0, DEL, C1, and the bidi overrides and isolates.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every control character written as a visible escape.
    /// - Parameters:
    ///   - layout: Whether line breaks and tabs are kept (`.lines`) or escaped (`.line`).
    ///   - backslashes: Whether a backslash is doubled as well, so that the result can be read back unambiguously
    ///     (a log line); people's output leaves backslashes as they are.
    public static func escaped(
        _ text: some StringProtocol, layout: Layout = .line, backslashes: Bool = false
    ) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { isControl($0) || (backslashes && $0 == "\\") }) else { return String(text) }
        var result = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            defer { index = next }
            if layout == .lines {
                let lineBreak = scalar == "\n" || (scalar == "\r" && next != scalars.endIndex && scalars[next] == "\n")
                if lineBreak || scalar == "\t" {
                    result.append(scalar)
                    continue
                }
            }
            switch scalar {
            case "\\" where backslashes: result.append(contentsOf: #"\\"#.unicodeScalars)
            case "\n": result.append(contentsOf: #"\n"#.unicodeScalars)
            case "\r": result.append(contentsOf: #"\r"#.unicodeScalars)
            case "\t": result.append(contentsOf: #"\t"#.unicodeScalars)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result.append(contentsOf: ("\\x" + hex(scalar.value, digits: 2)).unicodeScalars)
            case _ where isControl(scalar):
                result.append(contentsOf: ("\\u{" + hex(scalar.value, digits: 1) + "}").unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// An excerpt of `text` in single quotes for a message: escaped as one line, and cut to `limit` characters
    /// (ending in `…`) so that a message never carries more of a file or a value than a person needs to find it.
    public static func quoted(_ text: some StringProtocol, limit: Int = excerptLength) -> String {
        "'" + excerpt(text, limit: limit) + "'"
    }

    /// `text` escaped as one line and cut to `limit` characters, ending in `…` when cut: ``quoted(_:limit:)``
    /// without the quotes.
    public static func excerpt(_ text: some StringProtocol, limit: Int = excerptLength) -> String {
        let line = escaped(text)
        guard line.count > limit else { return line }
        return line.prefix(max(0, limit - 1)) + "…"
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
