/// inspectctl(1) in roff (the `man` macros), written from the command tree as ArgumentParser describes it
/// (`--experimental-dump-help`): every command with its abstract, discussion, arguments and options, so that the
/// manual says what `--help` says and cannot drift from it.
///
/// The global options, which every command takes, are listed once; `--help` and `--version` once too.
enum ManualPage {
    /// The part of ArgumentParser's description of the tree the page shows (its `ToolInfoV0`, whose types the
    /// package does not export).
    struct Tool: Decodable {
        var command: Command
    }

    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool
        var subcommands: [Command]?
        var arguments: [Argument]?
    }

    struct Argument: Decodable {
        enum Kind: String, Decodable {
            case positional, option, flag
        }

        struct Name: Decodable {
            /// `long`, `short` or `longWithSingleDash`.
            var kind: String
            var name: String
        }

        var kind: Kind
        var names: [Name]?
        var preferredName: Name?
        var valueName: String?
        var defaultValue: String?
        var isOptional: Bool
        var isRepeating: Bool
        var shouldDisplay: Bool
        var abstract: String?
        var discussion: String?
    }

    /// The page for the tool `info` describes, in section 1.
    static func render(_ info: Tool, version: String) -> String {
        let root = info.command
        let name = root.commandName
        var page = [
            ".TH \(name.uppercased()) 1 \"\" \(quoted("inspectd \(version)")) \"User Commands\"",
            // Ragged right: option names and CSV column lists are long words, which justified lines stretch badly.
            ".ad l",
            ".SH NAME",
            "\(name) \\- \(text(root.abstract ?? ""))",
            ".SH SYNOPSIS",
            ".B \(name)",
            "[\\fIglobal options\\fR] \\fIcommand\\fR [\\fIarguments\\fR] [\\fIoptions\\fR]",
            ".SH DESCRIPTION",
        ]
        page += paragraphs(root.discussion)
        let commands = leaves(root)
        page.append(".SH COMMANDS")
        for (path, command) in commands {
            page += section(path: path, command)
        }
        if let global = commands.lazy.compactMap({ $0.1.arguments }).first(where: { $0.contains(where: isGlobal) }) {
            page.append(".SH GLOBAL OPTIONS")
            page.append("Every command takes these, before the command or after it.")
            page += global.filter { isGlobal($0) || isStandard($0) }.flatMap(item)
        }
        page += [
            ".SH SEE ALSO",
            ".BR inspectd (8),",
            ".BR journalctl (1),",
            ".BR systemd.time (7).",
            "The README of inspectd, installed in share/doc/inspectd/ under the installation's prefix, is the reference",
            "for commands, with examples.",
        ]
        return page.joined(separator: "\n") + "\n"
    }

    // MARK: - The tree

    /// Every command that does something (a leaf), depth first, with the words that call it.
    private static func leaves(_ command: Command, path: [String] = []) -> [([String], Command)] {
        let here = path + [command.commandName]
        let children = (command.subcommands ?? []).filter { $0.shouldDisplay && $0.commandName != "help" }
        guard !children.isEmpty else { return [(here, command)] }
        return children.flatMap { leaves($0, path: here) }
    }

    /// Options every command has through `GlobalOptions`, listed once under GLOBAL OPTIONS.
    private static func isGlobal(_ argument: Argument) -> Bool {
        let name = argument.preferredName?.name ?? ""
        return GlobalOptions.valued.contains("--" + name) || GlobalOptions.jsonFlag == "--" + name
    }

    /// `--help` and `--version`, which ArgumentParser gives every command.
    private static func isStandard(_ argument: Argument) -> Bool {
        ["help", "version"].contains(argument.preferredName?.name ?? "")
    }

    // MARK: - Sections

    private static func section(path: [String], _ command: Command) -> [String] {
        let own = (command.arguments ?? []).filter { $0.shouldDisplay && !isGlobal($0) && !isStandard($0) }
        let usage = own.map(synopsis).joined(separator: " ")
        var lines = [".SS \(quoted(path.joined(separator: " ") + (usage.isEmpty ? "" : " " + usage)))"]
        if let abstract = command.abstract { lines.append(text(abstract)) }
        lines += paragraphs(command.discussion)
        lines += own.flatMap(item)
        return lines
    }

    /// How an argument appears in a command's synopsis: `CODE`, `--name NAME`, `[--at AT]`, `[--json]`.
    private static func synopsis(_ argument: Argument) -> String {
        let value = "<\(argument.valueName ?? "value")>"
        var shown: String
        switch argument.kind {
        case .positional: shown = value
        case .option: shown = "\(flag(argument)) \(value)"
        case .flag: shown = flag(argument)
        }
        if argument.isRepeating { shown += " …" }
        return argument.isOptional ? "[\(shown)]" : shown
    }

    /// An argument as a tagged paragraph: its names and value in bold and italics, then what it means.
    private static func item(_ argument: Argument) -> [String] {
        let value = "\\fI<\(text(argument.valueName ?? "value"))>\\fR"
        let names = (argument.names ?? []).map { "\\fB\(text(dashes($0)))\\fR" }.joined(separator: ", ")
        let tag =
            switch argument.kind {
            case .positional: value
            case .option: "\(names) \(value)"
            case .flag: names
            }
        var description = argument.abstract.map(text) ?? ""
        if let defaultValue = argument.defaultValue, argument.kind == .option {
            description += " (default: \(text(defaultValue)))"
        }
        return [".TP", tag, description] + paragraphs(argument.discussion, separator: ".IP")
    }

    private static func flag(_ argument: Argument) -> String {
        argument.preferredName.map(dashes) ?? ""
    }

    private static func dashes(_ name: Argument.Name) -> String {
        (name.kind == "long" ? "--" : "-") + name.name
    }

    // MARK: - Text

    /// A discussion's paragraphs (separated by blank lines), each after `separator`.
    private static func paragraphs(_ discussion: String?, separator: String = ".PP") -> [String] {
        guard let discussion, !discussion.isEmpty else { return [] }
        return discussion.split(separator: "\n\n", omittingEmptySubsequences: true).flatMap { paragraph in
            [separator] + paragraph.split(separator: "\n").map { text(String($0)) }
        }
    }

    /// `string` as roff text: backslashes escaped, hyphens as `\-` (so that options copy as ASCII), a break point
    /// after each comma, characters beyond ASCII (Vietnamese names, dashes) as `\[uXXXX]`, which every roff reads
    /// whatever its input encoding, and a line that would start with a control character (`.`, `'`) protected.
    static func text(_ string: String) -> String {
        var escaped = ""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\e"
            case "-": escaped += "\\-"
            // A list of CSV columns is one long word: let it break after each comma.
            case ",": escaped += ",\\:"
            case _ where scalar.isASCII: escaped.unicodeScalars.append(scalar)
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                escaped += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }

    /// A macro argument in double quotes, as roff reads one with spaces.
    private static func quoted(_ string: String) -> String {
        "\"" + text(string).replacing("\"", with: "\\(dq") + "\""
    }
}
