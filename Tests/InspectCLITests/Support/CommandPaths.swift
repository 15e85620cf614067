import ArgumentParser

@testable import InspectCLI

/// Every command's path of words, from `[]` (inspectctl itself) down the whole tree.
func commandPaths() -> [[String]] { CommandTree.paths(InspectCommand.self) }

/// The paths of the commands that do something (not groups of commands), from the tree: a test over them covers a
/// command added later.
func leafPaths() -> [[String]] {
    commandPaths().filter { path in
        CommandTree.command(at: path, root: InspectCommand.self)?.configuration.subcommands.isEmpty == true
    }
}
