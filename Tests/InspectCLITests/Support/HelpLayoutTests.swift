import ArgumentParser
import Testing

@testable import InspectCLI

/// The screens the build prepares, laid out again at the terminal's width, are ArgumentParser's own: for every
/// command, at widths from the narrowest laid out up, and wide enough that nothing wraps.
@Suite("Prepared help screens, laid out at any width, print what ArgumentParser prints")
struct HelpLayoutTests {
    static let screens = InspectCommand.unwrappedHelpScreens()
    static let widths = Array(stride(from: HelpLayout.narrowest, through: 140, by: 3)) + [160, 200, 333, 1000]

    @Test("every command's screen at 38 widths", arguments: screens.map(\.words))
    func everyWidth(_ words: String) throws {
        let unwrapped = try #require(Self.screens.first { $0.words == words }).text
        let command = try #require(
            CommandTree.command(at: words.split(separator: " ").map(String.init), root: InspectCommand.self))
        let layout = HelpLayout(unwrapped: unwrapped)
        for width in Self.widths {
            let expected = BuiltInRequest.help(command).text(root: InspectCommand.self, columns: width)
            let laidOut = layout.rendered(width: width)
            #expect(laidOut == expected, "\(words) at \(width) columns:\n\(laidOut)\n---\n\(expected)")
            if laidOut != expected { break }
        }
    }

    @Test("a screen is read into its parts: the overview, lines as they are, and entries with their label")
    func parts() throws {
        let screen = try #require(Self.screens.first { $0.words == "finding log" }).text
        let parts = HelpLayout(unwrapped: screen).parts
        guard case .overview(let overview) = parts.first else {
            Issue.record("no overview first: \(parts.prefix(2))")
            return
        }
        #expect(String(decoding: overview, as: UTF8.self).hasPrefix("OVERVIEW: "))
        #expect(parts.contains(.line(Array("OPTIONS:".utf8))))
        #expect(
            parts.contains {
                if case .entry(let label, let abstract, let discussion) = $0 {
                    return String(decoding: label, as: UTF8.self) == "--database <path>"
                        && String(decoding: abstract, as: UTF8.self).hasPrefix("Work on this database")
                        && String(decoding: discussion, as: UTF8.self).hasPrefix("Also $INSPECTD_DATABASE")
                }
                return false
            })
    }

    @Test("a column is a Unicode scalar: wrapping counts scalars, not bytes")
    func scalars() {
        let text = Array("Ghi nhận lỗi đeo thẻ của cán bộ tại trụ sở".utf8)
        var wrapped: [UInt8] = []
        HelpLayout.wrap(text[...], to: 20, indent: 0, into: &wrapped)
        #expect(String(decoding: wrapped, as: UTF8.self) == "Ghi nhận lỗi đeo\nthẻ của cán bộ tại\ntrụ sở")
        #expect(HelpLayout.scalars(in: text[...]) == 42)
    }

    @Test("inspectctl answers from the prepared screen only for command words and --help, on a wide enough terminal")
    func when() {
        let prepared: (String) -> String? = { $0 == "finding log" ? "OVERVIEW: prepared\n\nUSAGE: x\n" : nil }
        #expect(InspectCommand.preparedHelp(["finding", "log", "--help"], from: prepared) != nil)
        for arguments in [
            ["finding", "log"], ["finding log", "--help"], ["finding", "log", "--help", "--json"], ["-h"],
            ["finding", "lgo", "--help"],
        ] {
            #expect(InspectCommand.preparedHelp(arguments, from: prepared) == nil, "\(arguments)")
        }
    }
}
