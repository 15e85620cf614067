import ArgumentParser

/// inspectctl's commands, found by the words people type: `finding log` is `FindingLog`.
enum CommandTree {
    /// The subcommand of `command` called `name`, if any.
    static func subcommand(_ name: String, of command: ParsableCommand.Type) -> ParsableCommand.Type? {
        command.configuration.subcommands.first { $0._commandName == name }
    }

    /// The commands the leading words of `arguments` name, below `root`: `["finding", "log", "--inspection", "1"]`
    /// gives `[FindingCommand, FindingLog]`.
    static func path(_ arguments: some Sequence<String>, root: ParsableCommand.Type) -> [ParsableCommand.Type] {
        var path: [ParsableCommand.Type] = []
        for argument in arguments {
            guard let next = subcommand(argument, of: path.last ?? root) else { break }
            path.append(next)
        }
        return path
    }

    /// The command `words` name, every one of them a command (`root` for none); nil when one is not.
    static func command(at words: some Collection<String>, root: ParsableCommand.Type) -> ParsableCommand.Type? {
        let path = path(words, root: root)
        return path.count == words.count ? path.last ?? root : nil
    }

    /// Every command's words below `root`, from `[]` (`root` itself) down the whole tree.
    static func paths(below words: [String] = [], _ root: ParsableCommand.Type) -> [[String]] {
        [words] + root.configuration.subcommands.flatMap { paths(below: words + [$0._commandName], $0) }
    }
}
