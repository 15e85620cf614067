import Foundation
import InspectCore
import InspectTesting
import Testing

@Suite("inspectctl escapes what a terminal would act on, and writes JSON and CSV exactly", .serialized)
struct CLITerminalTextTests {
    /// A window title and a colour (OSC and CSI after ESC), and a C1 CSI: what a record written before the input
    /// checks, or edited by hand, may hold.
    static let planted = "Hoa\u{1B}]0;pwned\u{07}\u{1B}[31m\u{9B}2J"
    static let plantedShown = #"Hoa\x1b]0;pwned\x07\x1b[31m\u{9b}2J"#
    /// A right-to-left override, which the input checks let through: "Lâm‮gnp.exe" reads as "Lâmexe.png".
    static let bidi = "Lâm\u{202E}gnp.exe"
    static let bidiShown = #"Lâm\u{202e}gnp.exe"#

    /// Whether `text` holds a character a terminal acts on, other than line breaks and tabs.
    private func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && $0 != "\t" && TerminalText.isControl($0) }
    }

    @Test("names and notes print escaped in lists, details and messages", arguments: CLIMode.allCases)
    func escapesStoredText(mode: CLIMode) throws {
        // Given a person and a note with a bidi override, stored through inspectctl (accepted)
        let cli = try CLIFixture.seeded(mode: mode)
        let added = try cli.ok(["staff", "add", "CL-00009", "--name", Self.bidi, "--office", "UBND-NHANLY"])
        #expect(added == "Added CL-00009 (\(Self.bidiShown)) to UBND-NHANLY.\n")
        try cli.ok([
            "finding", "log", "--inspection", "1", "--type", "BADGE", "--staff", "CL-00009", "--note", Self.bidi,
        ])
        // and a name, a note and an office name holding ESC, OSC and C1, written into the file by hand
        try cli.ok(["finding", "log", "--inspection", "1", "--type", "SMOKE", "--note", "x"])
        let hex = Data(Self.planted.utf8).map { String(format: "%02X", $0) }.joined()
        try cli.sql(
            """
            UPDATE staff SET name = CAST(X'\(hex)' AS TEXT) WHERE badge = 'CL-00001';
            UPDATE office SET name = CAST(X'\(hex)' AS TEXT) WHERE code = 'UBND-BANGHUU';
            DROP TRIGGER finding_is_not_updated;
            UPDATE finding SET note = CAST(X'\(hex)' AS TEXT) WHERE note = 'x';
            """)

        // When people's output shows them, then every control is escaped, visibly, and nothing else changes
        let outputs = [
            try cli.ok(["staff", "show", "CL-00001"]), try cli.ok(["staff", "list"]),
            try cli.ok(["finding", "list"]), try cli.ok(["inspection", "show", "1"]),
            try cli.ok(["office", "show", "UBND-BANGHUU"]), try cli.ok(["office", "list"]),
            try cli.ok(["staff", "show", "CL-00009"]),
        ]
        for output in outputs { #expect(!hasControl(output), "\(output)") }
        #expect(outputs[0].contains("Name:") && outputs[0].contains(Self.plantedShown))
        #expect(outputs[1].contains(Self.plantedShown) && outputs[1].contains(Self.bidiShown))
        #expect(outputs[2].contains(Self.plantedShown) && outputs[2].contains(Self.bidiShown))
        #expect(outputs[3].contains(Self.plantedShown))
        #expect(outputs[4].contains(Self.plantedShown))
        #expect(outputs[6].contains(Self.bidiShown))
        // The table stays aligned: the escaped cell is measured as it is shown
        let lines = outputs[1].split(separator: "\n")
        let officeColumn = lines[0].range(of: "OFFICE")!.lowerBound.utf16Offset(in: lines[0])
        for line in lines.dropFirst() {
            #expect(line.dropFirst(officeColumn).hasPrefix("UBND-"), "\(line)")
        }

        // An error message naming what was typed is escaped too
        let missing = try cli.run(["staff", "show", "CL\u{202E}9"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "inspectctl: staff show: no staff badge 'CL\\u{202e}9'\n")
    }

    @Test(
        "follow shows an entry written with the record's fields by another process escaped, and exactly as JSON",
        .enabled(if: Journald.testsCanRun, Comment(rawValue: Journald.unavailableReason)))
    func followEscapes() async throws {
        try #require(Journald.isAnswering, "no journald answers")
        // Given an entry any local user could write, carrying the record's name and a message that retitles the window
        let cli = try CLIFixture.seeded()
        let record = try cli.recordIdentity()
        let entry = "MESSAGE=\(Self.planted) \(Self.bidi)\nINSPECTD_RECORD=\(record)\nSYSLOG_IDENTIFIER=inspectd\n"
        let logged = try ProcessRunner.run("/usr/bin/logger", ["--journald"], stdin: entry)
        try #require(logged.status == 0, "\(logged.stderr)")

        // When followed, then the text shows it escaped on one line
        var text = ""
        let deadline = ContinuousClock.now + .seconds(10)
        while !text.contains("pwned") && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            text = try cli.ok(["follow", "--since", "-10min", "--no-wait"])
        }
        #expect(text.contains("inspectd: \(Self.plantedShown) \(Self.bidiShown)\n"), "\(text)")
        #expect(!hasControl(text))
        // and JSON gives the message exactly
        let json = try cli.ok(["follow", "--since", "-10min", "--no-wait", "--json"])
        #expect(!hasControl(json))
        let messages = json.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["message"] as? String
        }
        #expect(messages.contains("\(Self.planted) \(Self.bidi)"))
    }

    @Test("JSON gives the exact text, with no raw control; CSV exports give it exactly")
    func machineOutputIsExact() throws {
        // Given the same planted name and bidi note
        let cli = try CLIFixture.seeded()
        try cli.ok(["staff", "add", "CL-00009", "--name", Self.bidi, "--office", "UBND-NHANLY"])
        let hex = Data(Self.planted.utf8).map { String(format: "%02X", $0) }.joined()
        try cli.sql("UPDATE staff SET name = CAST(X'\(hex)' AS TEXT) WHERE badge = 'CL-00001';")

        // When listed as JSON, then a program reads the exact names, and the text holds no raw control
        let json = try cli.ok(["--json", "staff", "list"])
        #expect(!hasControl(json))
        let rows = try JSONDecoder().decode([Staff].self, from: Data(json.utf8))
        let names = Dictionary(uniqueKeysWithValues: rows.map { ($0.badge, $0.name) })
        #expect(names["CL-00001"] == Self.planted)
        #expect(names["CL-00009"] == Self.bidi)
        #expect(json.contains(#""Lâm\u202egnp.exe""#))
        let exported = try cli.ok(["export", "staff", "--format", "json"])
        #expect(!hasControl(exported) && exported.contains(#"\u001b]0;pwned\u0007\u001b[31m\u009b2J"#))

        // and a CSV export, read back by the imports, carries them byte for byte
        let csv = try cli.ok(["export", "staff"])
        #expect(csv.contains(Self.planted) && csv.contains(Self.bidi))
    }
}
