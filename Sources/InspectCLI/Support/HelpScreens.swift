import ArgumentParser
import Foundation

/// The help screens the build prepares (`help-screens`, run by the `HelpScreens` plugin when inspectctl is built)
/// and how inspectctl shows one: laid out by ``HelpLayout`` at the terminal's width, without ArgumentParser.
extension InspectCommand {
    /// Every command's help screen as ArgumentParser renders it with nothing wrapped, by the words that name the
    /// command ("" for inspectctl itself, "finding log"): what the build keeps.
    public static func unwrappedHelpScreens() -> [(words: String, text: String)] {
        CommandTree.paths(self).compactMap { path in
            CommandTree.command(at: path, root: self).map {
                (path.joined(separator: " "), BuiltInRequest.help($0).text(root: self, columns: HelpLayout.unwrapped))
            }
        }
    }

    /// The help screen `arguments` ask for, from `prepared` (the build's screens, by their words), when they are
    /// exactly command words followed by `--help` and the terminal is not too narrow; nil otherwise, and the parser
    /// answers.
    static func preparedHelp(_ arguments: [String], from prepared: (String) -> String?) -> String? {
        guard arguments.last == "--help" else { return nil }
        // Put together by hand: the standard library's generic `joined(separator:)` and Foundation's `contains`
        // would make the runtime scan the conformance records, the cost the prepared screens avoid.
        var words = ""
        for (number, word) in arguments.dropLast().enumerated() {
            guard !word.isEmpty, !word.utf8.contains(UInt8(ascii: " ")) else { return nil }
            if number > 0 { words += " " }
            words += word
        }
        guard let screen = prepared(words) else { return nil }
        let width = terminalWidth()
        guard width >= HelpLayout.narrowest else { return nil }
        return HelpLayout(unwrapped: screen).rendered(width: width)
    }

    /// The width ArgumentParser wraps help to: `$COLUMNS` when it is a number, else the terminal's on standard
    /// output, else 80.
    static func terminalWidth() -> Int {
        if let columns = getenv("COLUMNS"), let width = Int(String(cString: columns)) { return width }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
