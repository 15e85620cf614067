import InspectCore
import Testing

@Suite struct TerminalTextTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var line: String
        var lines: String
        var testDescription: String { line }
    }

    @Test(
        "writes every control a terminal acts on as a visible escape, and leaves other text as it is",
        arguments: [
            Case(text: "Nông Thị Hoa", line: "Nông Thị Hoa", lines: "Nông Thị Hoa"),
            Case(text: "", line: "", lines: ""),
            // ESC starting a colour (CSI) and a window-title / clipboard (OSC) sequence ended by BEL or ST.
            Case(text: "xin \u{1B}[31mchào", line: #"xin \x1b[31mchào"#, lines: #"xin \x1b[31mchào"#),
            Case(text: "\u{1B}]0;pwned\u{07}", line: #"\x1b]0;pwned\x07"#, lines: #"\x1b]0;pwned\x07"#),
            Case(text: "\u{1B}]52;c;aGk=\u{1B}\\", line: #"\x1b]52;c;aGk=\x1b\"#, lines: #"\x1b]52;c;aGk=\x1b\"#),
            Case(text: "nul\u{0}end", line: #"nul\x00end"#, lines: #"nul\x00end"#),
            Case(text: "del\u{7F}", line: #"del\x7f"#, lines: #"del\x7f"#),
            // C1: CSI (U+009B) and NEL (U+0085), which some terminals act on in UTF-8 too.
            Case(text: "c1\u{9B}31m", line: #"c1\u{9b}31m"#, lines: #"c1\u{9b}31m"#),
            Case(text: "nel\u{85}", line: #"nel\u{85}"#, lines: #"nel\u{85}"#),
            // Bidi overrides and isolates: "exe.txt" shown as "txt.exe".
            Case(text: "a\u{202E}txt.exe", line: #"a\u{202e}txt.exe"#, lines: #"a\u{202e}txt.exe"#),
            Case(
                text: "\u{202A}\u{202B}\u{202C}\u{202D}", line: #"\u{202a}\u{202b}\u{202c}\u{202d}"#,
                lines: #"\u{202a}\u{202b}\u{202c}\u{202d}"#),
            Case(text: "\u{2066}x\u{2069}", line: #"\u{2066}x\u{2069}"#, lines: #"\u{2066}x\u{2069}"#),
            // Layout: one line escapes breaks and tabs; lines keep LF, CR LF and tabs, never a CR alone.
            Case(text: "one\ntwo", line: #"one\ntwo"#, lines: "one\ntwo"),
            Case(text: "one\r\ntwo", line: #"one\r\ntwo"#, lines: "one\r\ntwo"),
            Case(text: "over\rwrite", line: #"over\rwrite"#, lines: #"over\rwrite"#),
            Case(text: "end\r", line: #"end\r"#, lines: #"end\r"#),
            Case(text: "a\tb", line: #"a\tb"#, lines: "a\tb"),
            // Backslashes, marks that are not controls, and characters next to the ranges stay as they are.
            Case(text: #"C:\dir"#, line: #"C:\dir"#, lines: #"C:\dir"#),
            Case(
                text: "\u{200F}\u{2029}\u{A0}\u{2065}\u{206A}\u{2029}",
                line: "\u{200F}\u{2029}\u{A0}\u{2065}\u{206A}\u{2029}",
                lines: "\u{200F}\u{2029}\u{A0}\u{2065}\u{206A}\u{2029}"),
            Case(text: "🇻🇳 e\u{301}", line: "🇻🇳 e\u{301}", lines: "🇻🇳 e\u{301}"),
        ])
    func escapes(_ example: Case) {
        #expect(TerminalText.escaped(example.text) == example.line)
        #expect(TerminalText.escaped(example.text, layout: .lines) == example.lines)
    }

    @Test("the result holds no character a terminal acts on, whatever the input")
    func neverLeavesAControl() {
        // Given every code point from 0 to U+20FF, and each control once more after a CR
        let all = String(String.UnicodeScalarView((0...0x20FF).compactMap(Unicode.Scalar.init)))
        for text in [all, "\r" + all, all + "\r"] {
            // Then no control survives either layout except the line breaks and tabs `.lines` keeps
            #expect(!TerminalText.escaped(text).unicodeScalars.contains(where: TerminalText.isControl))
            let lines = Array(TerminalText.escaped(text, layout: .lines).unicodeScalars)
            for (index, scalar) in lines.enumerated() where TerminalText.isControl(scalar) {
                let crlf = scalar == "\r" && index + 1 < lines.count && lines[index + 1] == "\n"
                #expect(scalar == "\n" || scalar == "\t" || crlf)
            }
        }
    }

    @Test("doubles backslashes when asked, so a log line can be read back")
    func backslashes() {
        #expect(TerminalText.escaped(#"a\x1b"#, backslashes: true) == #"a\\x1b"#)
        #expect(TerminalText.escaped("a\u{1B}", backslashes: true) == #"a\x1b"#)
    }

    @Test("a quoted excerpt is one escaped line of at most 80 characters")
    func quoted() {
        #expect(TerminalText.quoted("Key=Value") == "'Key=Value'")
        #expect(TerminalText.quoted("a\nb\u{1B}") == #"'a\nb\x1b'"#)
        // Given a long line (a password hash), only its first 79 characters and an ellipsis are shown
        let long = "root:$6$" + String(repeating: "x", count: 200) + ":19000:0:99999:7:::"
        let excerpt = TerminalText.quoted(long)
        #expect(excerpt.count == 82)
        #expect(excerpt == "'" + long.prefix(79) + "…'")
        #expect(!excerpt.contains("19000"))
        #expect(TerminalText.quoted(String(repeating: "y", count: 80)) == "'" + String(repeating: "y", count: 80) + "'")
        #expect(TerminalText.quoted("abcdef", limit: 4) == "'abc…'")
    }
}
