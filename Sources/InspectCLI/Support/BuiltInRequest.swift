import ArgumentParser

/// `inspectctl --version` and `inspectctl [COMMAND…] --help`, answered without parsing.
///
/// ArgumentParser answers them only after parsing: it builds the argument set of every command on the path and of
/// its completion-script options, by reflection, and each type it reflects on costs the Swift runtime a scan of the
/// program's ~11,500 protocol conformance records. These two requests need none of that: the answer is the version
/// string, or the help screen ArgumentParser's own generator renders for the command, exactly as the parser would
/// print it (the tests compare the two for every command). Anything else, `-h` and `help COMMAND` included, goes
/// through the parser.
enum BuiltInRequest {
    case version
    case help(ParsableCommand.Type)

    /// The request `arguments` make, when they are exactly `--version`, or command words followed by `--help`.
    init?(_ arguments: [String], root: ParsableCommand.Type) {
        if arguments == ["--version"] {
            self = .version
            return
        }
        guard arguments.last == "--help", let command = CommandTree.command(at: arguments.dropLast(), root: root)
        else { return nil }
        self = .help(command)
    }

    /// What the parser prints for the request; `columns` is the width help is wrapped to (the terminal's when nil).
    func text(root: ParsableCommand.Type, columns: Int? = nil) -> String {
        switch self {
        case .version: root.configuration.version
        case .help(let command): root.helpMessage(for: command, includeHidden: false, columns: columns)
        }
    }
}
