import InspectCore
import Testing

@Suite struct IniDocumentTests {
    /// The error an `IniDocument` call throws, or nil.
    private func configError(_ body: () throws -> Void) -> InspectError? {
        do {
            try body()
            return nil
        } catch {
            return error as? InspectError
        }
    }

    @Test("reads sections, keys, trimmed values and line numbers, skipping comments and blank lines")
    func parsesBasics() throws {
        let text = [
            "# a comment", "; another comment", "", "[Calendar]", "  TimeZone = Asia/Ho_Chi_Minh  ", "[Hours]",
            "Morning=07:30-11:30", "Note=value # with a hash kept",
        ].joined(separator: "\n")
        let document = try IniDocument(text: text, path: "inspectd.conf")

        #expect(document.sectionNames == ["Calendar", "Hours"])
        #expect(
            document.entries == [
                IniEntry(
                    section: "Calendar", key: "TimeZone", value: "Asia/Ho_Chi_Minh",
                    location: IniLocation(path: "inspectd.conf", line: 5)),
                IniEntry(
                    section: "Hours", key: "Morning", value: "07:30-11:30",
                    location: IniLocation(path: "inspectd.conf", line: 7)),
                IniEntry(
                    section: "Hours", key: "Note", value: "value # with a hash kept",
                    location: IniLocation(path: "inspectd.conf", line: 8)),
            ])
    }

    @Test("joins continued lines with a space, skips comments inside them, and locates the entry at its first line")
    func continuation() throws {
        let text = "[A]\nKey=one \\\n# ignored\n; ignored too\n   two\\\nthree\nOther=x\n"
        let document = try IniDocument(text: text, path: "f.conf")

        let key = try #require(document.value("Key", in: "A"))
        #expect(key.value == "one two three")
        #expect(key.location.line == 2)
        #expect(document.value("Other", in: "A")?.location.line == 7)
    }

    @Test("accepts CRLF line ends and a byte-order mark")
    func crlfAndBOM() throws {
        let document = try IniDocument(text: "\u{FEFF}[A]\r\nKey=v\r\n", path: "f.conf")
        #expect(document.value("Key", in: "A")?.value == "v")
    }

    @Test("single values: the last assignment wins and an empty one resets to the default")
    func singleValues() throws {
        let document = try IniDocument(text: "[A]\nKey=1\nKey=2\nReset=1\nReset=\n", path: "f.conf")
        #expect(document.value("Key", in: "A")?.value == "2")
        #expect(document.value("Key", in: "A")?.location.line == 3)
        #expect(document.value("Reset", in: "A") == nil)
        #expect(document.value("Key", in: "B") == nil)
    }

    @Test("list values accumulate in order and an empty assignment clears them")
    func listValues() throws {
        let document = try IniDocument(text: "[A]\nL=a\nL=b\nL=\nL=c\nL=d\n", path: "f.conf")
        #expect(document.values("L", in: "A").map(\.value) == ["c", "d"])
    }

    @Test("merging: drop-ins apply in file-name order; later single values win, lists append, empty resets")
    func merging() throws {
        // Given a main file and drop-ins passed out of name order, from two directories
        let main = try IniDocument(text: "[A]\nSingle=main\nList=m\n", path: "/etc/x.conf")
        let late = try IniDocument(text: "[A]\nSingle=late\nList=z\n", path: "/etc/x.conf.d/90-late.conf")
        let early = try IniDocument(text: "[A]\nList=\nList=e\n", path: "/run/x.conf.d/10-early.conf")

        // When they are merged
        let merged = IniDocument.merging(main: main, dropIns: [late, early])

        // Then 10-early comes before 90-late regardless of directory
        #expect(merged.value("Single", in: "A")?.value == "late")
        #expect(merged.value("Single", in: "A")?.location == IniLocation(path: "/etc/x.conf.d/90-late.conf", line: 2))
        #expect(merged.values("List", in: "A").map(\.value) == ["e", "z"])
        #expect(merged.path == "/etc/x.conf")
    }

    @Test(
        "malformed lines are errors at their line",
        arguments: [
            ("Key=v\n", 1, "an assignment appears before any [Section] header"),
            ("no header\n", 1, "expected 'Key=Value', a '[Section]' header or a comment, found"),
            ("[B\n", 1, "malformed section header; expected '[Name]'"),
            ("Two words=v\n", 1, "invalid key"),
            ("[A]\n[B\n", 2, "malformed section header '[B'; expected '[Name]'"),
            ("[A]\n[]\n", 2, "malformed section header '[]'; expected '[Name]'"),
            (
                "[A]\n\nno equals sign\n", 3,
                "expected 'Key=Value', a '[Section]' header or a comment, found 'no equals sign'"
            ),
            ("[A]\n=v\n", 2, "invalid key '' in '=v'"),
            ("[A]\nTwo words=v\n", 2, "invalid key 'Two words' in 'Two words=v'"),
        ])
    func malformed(text: String, line: Int, reason: String) {
        let error = configError { _ = try IniDocument(text: text, path: "bad.conf") }
        #expect(error == .invalidConfig(path: "bad.conf", line: line, reason: reason))
    }

    @Test(
        "an error quotes at most 80 characters of the offending line, escaped, and nothing of a file not yet seen to be configuration"
    )
    func quotesLittle() {
        // Given a copy of a shadow file: its first line fails, and no line of it may appear in the message
        let shadow = [
            "root:$6$Zx8w0B1q$Jd8mQe0kqz2mRrS9wXhL7aY2cP3rN5tU6vW7xY8zA9bC0dE1fG2hI3jK4lM5nO6pQ7rS8tU9vW0xY1zA2bC3dE4f"
                + ":19700:0:99999:7:::",
            "daemon:*:19700:0:99999:7:::", "inspectd:$6$Qw3e$secondHashLine:19701:0:99999:7:::",
        ].joined(separator: "\n")
        let error = configError { _ = try IniDocument(text: shadow, path: "/etc/inspectd/inspectd.conf.d/x.conf") }
        #expect(
            error
                == .invalidConfig(
                    path: "/etc/inspectd/inspectd.conf.d/x.conf", line: 1,
                    reason: "expected 'Key=Value', a '[Section]' header or a comment, found"))
        let message = error?.description ?? ""
        for fragment in ["root", "$6$", "daemon", "inspectd:", "19700", "secondHash"] {
            #expect(!message.contains(fragment), "\(fragment)")
        }

        // Given a configuration file with a long bad line holding an escape, then the next lines stay out of it
        let long = "[A]\nKey=ok\n" + String(repeating: "x", count: 300) + "\u{1B}[2J\nSecret=hunter2\n"
        let reason = configError { _ = try IniDocument(text: long, path: "a.conf") }?.description ?? ""
        #expect(reason.hasPrefix("a.conf:3: expected 'Key=Value', a '[Section]' header or a comment, found 'xxx"))
        #expect(reason.hasSuffix("x…'"))
        #expect(reason.count < 80 + 80)
        #expect(!reason.contains("hunter2") && !reason.contains("\u{1B}"))
        // and a control character in the quoted part is shown escaped
        let escaped = configError { _ = try IniDocument(text: "[A]\nbad\u{1B}]0;x\u{7}\n", path: "a.conf") }
        #expect(
            escaped?.description
                == #"a.conf:2: expected 'Key=Value', a '[Section]' header or a comment, found 'bad\x1b]0;x\x07'"#)
        // and a continued line quotes only the start of what was joined
        let continued = "[A]\nKey=" + String(repeating: "v \\\n", count: 100) + "end\n"
        let document = try? IniDocument(text: continued, path: "a.conf")
        let entryError = document?.value("Key", in: "A")?.error("expected one value").description ?? ""
        #expect(entryError.hasPrefix("a.conf:2: Key=v v v") && entryError.count < 80 + 40)
    }

    @Test("invalid UTF-8 is an error at its line")
    func invalidUTF8() {
        let bytes = Array("[A]\nKey=ok\nBad=".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let error = configError { _ = try IniDocument(bytes: bytes, path: "bad.conf") }
        #expect(error == .invalidConfig(path: "bad.conf", line: 3, reason: "line is not valid UTF-8"))
    }

    @Test("valid UTF-8 bytes parse like text")
    func validBytes() throws {
        let document = try IniDocument(bytes: Array("[A]\nName=Giỗ Tổ\n".utf8), path: "f.conf")
        #expect(document.value("Name", in: "A")?.value == "Giỗ Tổ")
    }

    @Test("an unknown key is an error at its line, listing the valid keys and guessing the intended one")
    func unknownKey() throws {
        let document = try IniDocument(text: "[Hours]\nMorning=07:30-11:30\nGraceMinuts=5\n", path: "inspectd.conf")
        let error = configError {
            try document.checkKeys(in: "Hours", allowed: ["Morning", "Afternoon", "GraceMinutes"])
        }
        #expect(
            error
                == .invalidConfig(
                    path: "inspectd.conf", line: 3,
                    reason: "unknown key 'GraceMinuts' in [Hours] (did you mean 'GraceMinutes'?); "
                        + "valid keys: Afternoon, GraceMinutes, Morning"))
        #expect(configError { try document.checkKeys(in: "Hours", allowed: ["Morning", "GraceMinuts"]) } == nil)
    }

    @Test("an unknown section is an error at its header")
    func unknownSection() throws {
        let document = try IniDocument(text: "[Hours]\n[Hour]\nMorning=none\n", path: "f.conf")
        let error = configError {
            try document.checkSections(expected: "[Hours]") { $0 == "Hours" }
        }
        #expect(error == .invalidConfig(path: "f.conf", line: 2, reason: "unknown section [Hour]; expected [Hours]"))
    }

    @Test("typed values parse or throw an error quoting the assignment at its line")
    func typedValues() throws {
        let document = try IniDocument(
            text: "[A]\nN=42\nB=Off\nT=07:05\nS=07:30 - 11:30\nBadN=121\nBadB=maybe\nBadT=7:5\nBadS=11:30-07:30\n",
            path: "f.conf")
        func entry(_ key: String) throws -> IniEntry { try #require(document.value(key, in: "A")) }

        #expect(try entry("N").int(in: 0...120) == 42)
        #expect(try entry("B").bool() == false)
        #expect(try entry("T").timeOfDay() == TimeOfDay(hour: 7, minute: 5))
        #expect(
            try entry("S").timeSpan()
                == Session(start: TimeOfDay(hour: 7, minute: 30), end: TimeOfDay(hour: 11, minute: 30)))

        #expect(
            configError { _ = try entry("BadN").int(in: 0...120) }
                == .invalidConfig(path: "f.conf", line: 6, reason: "BadN=121: expected a whole number from 0 to 120"))
        #expect(
            configError { _ = try entry("BadB").bool() }
                == .invalidConfig(
                    path: "f.conf", line: 7, reason: "BadB=maybe: expected yes or no (also true/false, 1/0, on/off)"))
        #expect(
            configError { _ = try entry("BadT").timeOfDay() }
                == .invalidConfig(path: "f.conf", line: 8, reason: "BadT=7:5: expected a time as HH:MM (24-hour clock)")
        )
        #expect(
            configError { _ = try entry("BadS").timeSpan() }
                == .invalidConfig(
                    path: "f.conf", line: 9, reason: "BadS=11:30-07:30: the span must end after it starts"))
    }

    @Test(
        "every systemd boolean spelling is understood",
        arguments: ["yes", "TRUE", "1", "on", "no", "False", "0", "OFF"])
    func booleans(spelling: String) throws {
        let entry = IniEntry(section: "A", key: "B", value: spelling, location: IniLocation(path: "f", line: 1))
        #expect(try entry.bool() == ["yes", "true", "1", "on"].contains(spelling.lowercased()))
    }
}
