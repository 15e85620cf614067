import ArgumentParser
import Testing

@testable import InspectCLI

/// What the full parser prints for `arguments`, and its exit status, as `InspectCommand.run` would print it: the
/// parser answers `--help` with a command that throws the help screen when it runs, `--version` by throwing at once.
/// Only for arguments that ask for one of the two: any other command would run.
private func parserOutput(_ arguments: [String], columns: Int) -> (text: String, status: Int32) {
    do {
        var command = try InspectCommand.parseAsRoot(ArgumentOrder.normalize(arguments, root: InspectCommand.self))
        try command.run()
        return ("ran without printing anything", -1)
    } catch {
        return (InspectCommand.fullMessage(for: error, columns: columns), InspectCommand.exitCode(for: error).rawValue)
    }
}

@Suite("--version and --help, answered without parsing, print what the parser prints")
struct BuiltInRequestTests {
    static let paths = commandPaths()

    @Test("the tree has every command, groups and leaves")
    func treeIsWhole() {
        #expect(Self.paths.contains([]))
        #expect(Self.paths.contains(["finding", "log"]))
        #expect(Self.paths.contains(["report", "summary"]))
        #expect(Self.paths.count > 60)
    }

    @Test("--help of every command, at several widths", arguments: paths)
    func help(_ path: [String]) throws {
        let request = try #require(BuiltInRequest(path + ["--help"], root: InspectCommand.self))
        for columns in [40, 80, 132] {
            let parser = parserOutput(path + ["--help"], columns: columns)
            #expect(parser.status == 0)
            #expect(request.text(root: InspectCommand.self, columns: columns) == parser.text)
        }
    }

    @Test("--version")
    func version() throws {
        let request = try #require(BuiltInRequest(["--version"], root: InspectCommand.self))
        let parser = parserOutput(["--version"], columns: 80)
        #expect(parser.status == 0)
        #expect(request.text(root: InspectCommand.self) == parser.text)
        #expect(parser.text == InspectCommand.configuration.version)
    }

    @Test(
        "anything else is left to the parser",
        arguments: [
            ["finding", "lgo", "--help"], ["finding", "log", "--help", "--json"], ["--help", "finding"],
            ["finding", "log", "--inspection", "1", "--help"], ["-h"], ["help", "finding"], ["--version", "--json"],
            ["finding", "--version"], [],
        ])
    func notBuiltIn(_ arguments: [String]) {
        #expect(BuiltInRequest(arguments, root: InspectCommand.self) == nil)
    }
}
