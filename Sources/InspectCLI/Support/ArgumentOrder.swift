import ArgumentParser

/// Lets people put the global options where they like: `inspectctl --json office list` and
/// `inspectctl office list --json` mean the same.
///
/// ArgumentParser only accepts a subcommand's options after the subcommand's name, so global options found before
/// the last command word are moved to the end of the arguments.
enum ArgumentOrder {
    static func normalize(_ arguments: [String], root: any ParsableCommand.Type) -> [String] {
        var command = root
        var path: [String] = []
        var moved: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if argument == GlobalOptions.jsonFlag {
                moved.append(argument)
                index += 1
            } else if GlobalOptions.valued.contains(name) {
                moved.append(argument)
                if !argument.contains("="), index + 1 < arguments.count {
                    moved.append(arguments[index + 1])
                    index += 1
                }
                index += 1
            } else if let next = CommandTree.subcommand(argument, of: command) {
                path.append(argument)
                command = next
                index += 1
            } else {
                break
            }
        }
        let rest = Array(arguments[index...])
        // Stopped at a command group with an unknown word after it: leave the global options out, so the error
        // names the unknown word rather than an option the group does not take.
        if !command.configuration.subcommands.isEmpty && !rest.isEmpty && !rest[0].hasPrefix("-") {
            return path + withoutGlobals(rest)
        }
        return path + rest + moved
    }

    private static func withoutGlobals(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext {
                skipNext = false
                continue
            }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if argument == GlobalOptions.jsonFlag { continue }
            if GlobalOptions.valued.contains(name) {
                skipNext = !argument.contains("=")
                continue
            }
            kept.append(argument)
        }
        return kept
    }

    /// The command words at the start of already-normalized arguments: `["finding", "log"]`.
    static func commandPath(_ arguments: [String], root: any ParsableCommand.Type) -> [String] {
        Array(arguments.prefix(CommandTree.path(arguments, root: root).count))
    }
}
