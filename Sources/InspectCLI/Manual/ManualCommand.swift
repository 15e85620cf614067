import ArgumentParser
import Foundation

/// `inspectctl manual`: the manual page, made from the command tree, for `scripts/install` to install as
/// inspectctl(1) and for anyone to read where it is not installed.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual", abstract: "Print inspectctl's manual page (roff), made from every command's help.",
        discussion: """
            scripts/install installs it as inspectctl(1), with the shell completions 'inspectctl \\
            --generate-completion-script bash|zsh|fish' prints. To read it where it is not installed: \\
            inspectctl manual | man -l -
            """)

    /// Accepted like every command's (the README promises it), though the page does not depend on them.
    @OptionGroup var options: GlobalOptions

    func run() throws {
        // ArgumentParser describes the command tree as JSON when asked with --experimental-dump-help, by throwing.
        var description = ""
        do {
            _ = try InspectCommand.parseAsRoot(["--experimental-dump-help"])
        } catch {
            description = InspectCommand.fullMessage(for: error)
        }
        let info = try JSONDecoder().decode(ManualPage.Tool.self, from: Data(description.utf8))
        print(ManualPage.render(info, version: InspectCommand.configuration.version), terminator: "")
    }
}
