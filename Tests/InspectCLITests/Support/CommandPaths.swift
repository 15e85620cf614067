import ArgumentParser

@testable import InspectCLI

/// Every command's path of words, from `[]` (inspectctl itself) down the whole tree.
func commandPaths(below words: [String] = [], _ command: ParsableCommand.Type = InspectCommand.self) -> [[String]] {
    [words] + command.configuration.subcommands.flatMap { commandPaths(below: words + [$0._commandName], $0) }
}

/// The paths of the commands that do something (not groups of commands), from the tree: a test over them covers a
/// command added later.
func leafPaths() -> [[String]] {
    commandPaths().filter { path in
        CommandTree.command(at: path, root: InspectCommand.self)?.configuration.subcommands.isEmpty == true
    }
}
