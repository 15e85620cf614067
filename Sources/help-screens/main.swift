import Foundation
import InspectCLI

/// Writes inspectctl's help screens, unwrapped, as the Swift source of `PreparedHelp` at the path it is given: run by
/// the `HelpScreens` plugin each time inspectctl is built, so the screens are always those of its commands.
guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: help-screens OUTPUT.swift\n".utf8))
    exit(64)
}
var source = """
    // Written by help-screens when inspectctl is built: every command's help screen, unwrapped (see HelpLayout).
    enum PreparedHelp {
        /// The help screen of the command `words` name ("" for inspectctl itself, "finding log"), unwrapped.
        static func screen(_ words: String) -> String? {
            switch words {

    """
for (words, text) in InspectCommand.unwrappedHelpScreens() {
    // inspectctl prints a prepared screen without escaping it: it must hold no control character but line breaks.
    if let control = text.unicodeScalars.first(where: { $0 != "\n" && $0.properties.generalCategory == .control }) {
        let code = String(control.value, radix: 16)
        FileHandle.standardError.write(
            Data("help-screens: the help of '\(words)' holds control character U+\(code)\n".utf8))
        exit(65)
    }
    // It lays a screen out counting a column per Unicode scalar, where ArgumentParser counts Characters.
    if text.count != text.unicodeScalars.count {
        FileHandle.standardError.write(
            Data("help-screens: the help of '\(words)' holds a character of several Unicode scalars\n".utf8))
        exit(65)
    }
    source += "        case \(words.debugDescription): \(text.debugDescription)\n"
}
source += """
            default: nil
            }
        }
    }

    """
do {
    try source.write(toFile: CommandLine.arguments[1], atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("help-screens: writing \(CommandLine.arguments[1]): \(error)\n".utf8))
    exit(73)
}
