/// Reads the command lines people type most, `finding log …` above all, without ArgumentParser.
///
/// ArgumentParser costs a one-shot command more than its write: before it reads a word it builds, by reflection, the
/// argument set of every command on the path and of its completion-script options, and the Swift runtime scans the
/// program's ~11,500 protocol conformance records for each type it reflects on (README, "Speed"). A command that is
/// ``QuickParsable`` names its own options; this reads a command line made only of its words, its options with their
/// values and the global options, and sets them on the command directly.
///
/// Anything else is left to ArgumentParser, which answers or says what is wrong exactly as before: help, an unknown,
/// repeated or misplaced option, `--`, a value that looks like an option, a missing option, a value that does not
/// convert. Tests read generated command lines both ways and require the same command whenever this one answers.
enum QuickArguments {
    /// The commands read this way.
    static let commands: [any QuickParsable.Type] = [FindingLogInput.self]

    /// The command `arguments` give, when one of ``commands`` can be read from them without ArgumentParser.
    static func command(_ arguments: [String]) -> (any QuickParsable)? {
        for command in commands {
            if let input = read(arguments, as: command) { return input }
        }
        return nil
    }

    /// `arguments` read as `Input`, or nil when they are not plainly its command's words and options.
    static func read<Input: QuickParsable>(_ arguments: [String], as _: Input.Type) -> Input? {
        var input = Input()
        var settings = CommandSettings()
        var words = Input.words[...]
        var seen: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == words.first {
                words.removeFirst()
                continue
            }
            guard argument.hasPrefix("--"), argument != "--" else { return nil }
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard !seen.contains(name) else { return nil }
            seen.append(name)
            if name == GlobalOptions.jsonFlag {
                guard parts.count == 1 else { return nil }
                settings.json = true
                continue
            }
            let value: String
            if parts.count == 2 {
                // ArgumentParser takes `--note=` for a missing value.
                guard !parts[1].isEmpty else { return nil }
                value = String(parts[1])
            } else {
                guard index < arguments.count else { return nil }
                value = arguments[index]
                index += 1
            }
            // `--` ends the options, whatever takes it; other values with a dash are options unless taken as they are.
            guard value != "--", !value.hasPrefix("-") || Input.unconditional.contains(name) else { return nil }
            if settings.set(name, value) { continue }
            guard words.isEmpty, input.set(name, value) else { return nil }
        }
        guard words.isEmpty, Input.required.allSatisfy(seen.contains) else { return nil }
        input.settings = settings
        return input
    }
}

/// What a command read by ArgumentParser was given, as plain values; it runs with them.
protocol QuickReadCommand: ServiceCommand {
    associatedtype Input: QuickParsable where Input.Command == Self
    var input: Input { get }
}

/// A command's values as ``QuickArguments`` reads them: its words, and its own options set by name. Plain values, not
/// ArgumentParser's property wrappers: the first wrapper a program creates costs it a scan of the conformance records.
protocol QuickParsable: Equatable, Sendable {
    /// The command ArgumentParser reads, whose access and output this shares.
    associatedtype Command: QuickReadCommand where Command.Input == Self
    /// The words that name it: `["finding", "log"]`.
    static var words: [String] { get }
    /// The options it cannot do without.
    static var required: [String] { get }
    /// The options that take any value, a leading dash included (`parsing: .unconditional`).
    static var unconditional: [String] { get }
    /// No option given yet.
    init()
    var settings: CommandSettings { get set }
    /// Sets its own option `name` to `value` as ArgumentParser would; false when it has no such option or the value
    /// does not convert.
    mutating func set(_ name: String, _ value: String) -> Bool
    func execute(_ context: CommandContext) throws
}

extension QuickParsable {
    /// Its words as one: `finding log`.
    static var path: String { words.dropFirst().reduce(words[0]) { $0 + " " + $1 } }

    func run() throws { try execute(Command.context(settings)) }
}
