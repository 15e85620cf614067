import Foundation

/// `inspectctl`'s commands and their arguments, as the binary itself describes them
/// (`inspectctl --experimental-dump-help`), so a test iterating over them covers a command added later.
public struct CommandTree: Sendable {
    /// One argument of a command.
    public struct Argument: Sendable, Hashable {
        public enum Kind: String, Sendable, Decodable {
            case positional, option, flag
        }
        public var kind: Kind
        /// The long name (`office` for `--office`) or, for a positional, its value name.
        public var name: String
        public var isOptional: Bool

        /// How the argument is written on the command line, with `value` when it takes one.
        public func spelled(_ value: String?) -> [String] {
            switch kind {
            case .positional: value.map { [$0] } ?? []
            case .option: value.map { ["--\(name)", $0] } ?? []
            case .flag: ["--\(name)"]
            }
        }
    }

    /// A command that does something (not a group of commands): its path, `["finding", "log"]`, and its arguments.
    public struct Command: Sendable, Hashable {
        public var path: [String]
        public var arguments: [Argument]
    }

    public var commands: [Command]

    /// Options every command takes, which the tests set themselves.
    public static let globalOptions: Set<String> = ["database", "socket", "config", "json", "lang", "help", "version"]

    /// Reads the tree from the built `inspectctl`.
    public static func of(_ executable: String) throws -> CommandTree {
        let result = try ProcessRunner.run(executable, ["--experimental-dump-help"])
        let info = try JSONDecoder().decode(ToolInfo.self, from: Data(result.stdout.utf8))
        var commands: [Command] = []
        func walk(_ node: ToolInfo.Node, _ path: [String]) {
            let children = node.subcommands ?? []
            if children.isEmpty, let last = path.last, last != "help" {
                let arguments = (node.arguments ?? []).compactMap { argument -> Argument? in
                    let long = argument.names?.first { $0.kind == "long" }?.name
                    guard let name = long ?? argument.valueName, !globalOptions.contains(name) else { return nil }
                    return Argument(kind: argument.kind, name: name, isOptional: argument.isOptional ?? false)
                }
                commands.append(Command(path: path, arguments: arguments))
            }
            for child in children { walk(child, path + [child.commandName]) }
        }
        walk(info.command, [])
        return CommandTree(commands: commands)
    }

    /// The part of ArgumentParser's JSON description that is read here.
    private struct ToolInfo: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }
        struct ArgumentInfo: Decodable {
            var kind: Argument.Kind
            var names: [Name]?
            var valueName: String?
            var isOptional: Bool?
        }
        struct Node: Decodable {
            var commandName: String
            var arguments: [ArgumentInfo]?
            var subcommands: [Node]?
        }
        var command: Node
    }
}
