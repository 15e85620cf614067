import Foundation
import InspectTesting
import Testing

/// The manual page and the shell completions scripts/install installs, made from the command tree.
@Suite("inspectctl's manual page and completions")
struct CLIManualTests {
    /// The words of every command that does something, from ArgumentParser's own description of the tree.
    private func commandPaths() throws -> [String] {
        let dump = try ProcessRunner.run(BuiltProducts.inspectctl, ["--experimental-dump-help"])
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        func leaves(_ command: [String: Any], _ path: [String]) -> [String] {
            let here = path + [command["commandName"] as? String ?? "?"]
            let children = (command["subcommands"] as? [[String: Any]] ?? []).filter {
                $0["commandName"] as? String != "help"
            }
            return children.isEmpty ? [here.joined(separator: " ")] : children.flatMap { leaves($0, here) }
        }
        return leaves(try #require(tree["command"] as? [String: Any]), [])
    }

    @Test("inspectctl manual has a section for every command, each option once, in plain ASCII roff")
    func manual() throws {
        let result = try ProcessRunner.run(BuiltProducts.inspectctl, ["manual"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = result.stdout
        #expect(page.hasPrefix(".TH INSPECTCTL 1 "))
        let paths = try commandPaths()
        #expect(paths.count > 50)
        for path in paths {
            // roff writes a hyphen as "\-" (commands like "staff import-qualifications", "central site-add").
            #expect(page.contains(".SS \"\(path.replacing("-", with: "\\-"))"), "no section for \(path)")
        }
        let amend =
            try #require(page.components(separatedBy: ".SS \"inspectctl finding amend").last)
            .components(separatedBy: ".SS ").first ?? ""
        #expect(amend.contains("\\fB\\-\\-at\\fR \\fI<at>\\fR"))
        #expect(amend.contains("When the correction was made (default: now)."))
        // The global options once, under their own heading, not in every command's list.
        #expect(page.components(separatedBy: "\\fB\\-\\-database\\fR").count - 1 == 1)
        #expect(page.contains(".SH GLOBAL OPTIONS"))
        // Vietnamese as roff escapes, so that any man reads it whatever its locale.
        #expect(page.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(page.contains("UBND x\\[u00E3] Nh\\[u00E2]n L\\[u00FD]"))
    }

    @Test("the completion scripts for bash, zsh and fish name the commands", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let result = try ProcessRunner.run(BuiltProducts.inspectctl, ["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains("inspectctl"))
        #expect(result.stdout.contains("amend"))
    }
}
