import ArgumentParser
import InspectTesting
import Testing

@testable import InspectCLI

/// The command ArgumentParser reads from `arguments`, as `InspectCommand.run` reads it; nil when it refuses them.
private func parsed(_ arguments: [String]) -> (any ParsableCommand)? {
    try? InspectCommand.parseAsRoot(ArgumentOrder.normalize(arguments, root: InspectCommand.self))
}

/// The long options ArgumentParser shows for `command`, from its own help screen: what a command line may name,
/// `--help` and `--version` aside.
private func helpOptions(_ input: any QuickParsable.Type) -> [String] {
    let help = InspectCommand.helpMessage(for: command(input), includeHidden: true, columns: 200)
    var names: [String] = []
    for word in help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == "=" }) {
        let name = String(word.prefix { $0 == "-" || $0.isLetter })
        if name.hasPrefix("--"), name.count > 2, name != "--help", name != "--version", !names.contains(name) {
            names.append(name)
        }
    }
    return names
}

/// The command ArgumentParser reads for `input`.
private func command<Input: QuickParsable>(_ input: Input.Type) -> any ParsableCommand.Type { Input.Command.self }

/// `arguments` read both ways: without ArgumentParser, and with it; nil for a way that does not read them.
private func bothWays<Input: QuickParsable>(_ arguments: [String], as _: Input.Type) -> (quick: Input?, full: Input?) {
    (QuickArguments.read(arguments, as: Input.self), (parsed(arguments) as? Input.Command)?.input)
}

/// The command whose words are `words`.
private func input(_ words: [String]) throws -> any QuickParsable.Type {
    try #require(QuickArguments.commands.first { $0.words == words })
}

/// Command lines for `command`: well formed ones first (its words, every required option, some others, global
/// options before, between or after the words, values inline or apart), then each of them damaged.
private struct CommandLines {
    var random: SplitMix64
    let command: any QuickParsable.Type
    let options: [String]

    static let values = [
        "1", "12", "+3", "-1", "0x1", "1 ", "007", "BADGE", "late", "", "-10min", "2027-02-06 07:52", "07:52", "--note",
        "finding", "log", "a=b", "en", "vi", "EN", "x y", "ghi chú", "-", "--", "9223372036854775808",
    ]
    /// The values a well formed line gives an option that takes no value starting with a dash.
    static let plainValues = values.filter { !$0.hasPrefix("-") }
    static let junk = ["--bogus", "-h", "--help", "--", "--json=1", "--version", "-x", "help", "extra", "--inspection"]

    /// A well formed command line.
    mutating func wellFormed() -> [String] {
        var words = command.words
        var arguments: [String] = []
        var chosen = options.filter { command.required.contains($0) || Bool.random(using: &random) }
        chosen.shuffle(using: &random)
        for name in chosen {
            let global = GlobalOptions.valued.contains(name) || name == GlobalOptions.jsonFlag
            // A global option may come before or between the words; the command's own only after them.
            if global, !words.isEmpty, Bool.random(using: &random) {
                arguments.append(words.removeFirst())
            } else {
                arguments += words
                words = []
            }
            arguments += option(name, value: value(for: name))
        }
        return arguments + words
    }

    /// `arguments` damaged one way: an argument dropped, repeated, moved, replaced or added.
    mutating func damaged(_ arguments: [String]) -> [String] {
        var arguments = arguments
        let index = Int.random(in: 0..<max(arguments.count, 1), using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0 where !arguments.isEmpty: arguments.remove(at: index)
        case 1 where !arguments.isEmpty: arguments.insert(arguments[index], at: index)
        case 2 where !arguments.isEmpty: arguments.swapAt(index, Int.random(in: 0..<arguments.count, using: &random))
        case 3 where !arguments.isEmpty: arguments[index] = Self.values.randomElement(using: &random)!
        default:
            let extra = Self.junk + options
            arguments.insert(extra.randomElement(using: &random)!, at: min(index, arguments.count))
        }
        return arguments
    }

    private mutating func value(for name: String) -> String {
        switch (name, Int.random(in: 0..<3, using: &random)) {
        case ("--inspection", 0), ("--inspection", 1): String(Int.random(in: 1...999, using: &random))
        case ("--lang", 0): "vi"
        case ("--lang", 1): "en"
        case _ where command.unconditional.contains(name): Self.values.randomElement(using: &random)!
        default: Self.plainValues.randomElement(using: &random)!
        }
    }

    private mutating func option(_ name: String, value: String) -> [String] {
        if name == GlobalOptions.jsonFlag { return [name] }
        return Bool.random(using: &random) ? [name + "=" + value] : [name, value]
    }
}

@Suite("command lines read without ArgumentParser give the command ArgumentParser gives")
struct QuickArgumentsTests {
    static let commands = QuickArguments.commands.map { $0.words }

    @Test("a command's options are those ArgumentParser knows, global ones included", arguments: commands)
    func optionsAreTheParsers(_ words: [String]) throws {
        let command = try input(words)
        #expect(CommandTree.command(at: words, root: InspectCommand.self) == InspectCLITests.command(command))
        let options = helpOptions(command)
        #expect(options.count > 5)
        for name in options where !GlobalOptions.valued.contains(name) && name != GlobalOptions.jsonFlag {
            // Every option takes one of these; a name the command does not know is refused with any value.
            let taken = ["1", "x"].contains { value in
                var probe = command.init()
                return probe.set(name, value)
            }
            #expect(taken, "\(name) is not read without ArgumentParser")
        }
        var probe = command.init()
        let bogus = probe.set("--bogus", "1")
        #expect(!bogus)
        for name in command.required + command.unconditional { #expect(options.contains(name)) }
    }

    @Test("generated command lines, whole and damaged: read the same whenever read at all", arguments: commands)
    func sameAsTheParser(_ words: [String]) throws {
        let count = compare(try input(words))
        // Most whole lines are read, and many damaged ones that are still well formed.
        #expect(count.whole > 200)
        #expect(count.damaged > 20)
    }

    /// Reads 1,200 generated lines for `Input` both ways and expects the same values whenever it is read without
    /// ArgumentParser; returns how many of the whole lines and of the damaged ones were.
    private func compare<Input: QuickParsable>(_: Input.Type) -> (whole: Int, damaged: Int) {
        var lines = CommandLines(
            random: SplitMix64(seed: 20_270_301), command: Input.self, options: helpOptions(Input.self))
        var count = (whole: 0, damaged: 0)
        for round in 0..<1200 {
            let whole = lines.wellFormed()
            let arguments = round % 3 == 0 ? whole : lines.damaged(whole)
            // Left to ArgumentParser: a damaged line, or a whole one with a value its option does not take or that
            // looks like an option.
            let read = bothWays(arguments, as: Input.self)
            guard read.quick != nil else { continue }
            if round % 3 == 0 { count.whole += 1 } else { count.damaged += 1 }
            #expect(read.full != nil, "ArgumentParser refuses \(arguments)")
            #expect(read.quick == read.full, "\(arguments)")
        }
        return count
    }

    @Test(
        "help, errors and anything unusual are left to ArgumentParser",
        arguments: [
            ["finding", "log", "--inspection", "1", "--type", "BADGE", "--help"],
            ["finding", "log", "--inspection", "1", "--type", "BADGE", "-h"],
            ["finding", "log", "--inspection", "1", "--type", "BADGE", "--"],
            ["finding", "log", "--inspection", "1"],
            ["finding", "log", "--inspection", "x", "--type", "BADGE"],
            ["finding", "log", "--inspection", "1", "--type", "BADGE", "--inspection", "2"],
            ["finding", "log", "--inspection", "1", "--type", "-BADGE"],
            ["finding", "log", "--inspection", "1", "--type", "BADGE", "--bogus", "1"],
            ["finding", "log", "--inspection", "1", "--type", "BADGE", "--json=true"],
            ["finding", "log", "--inspection", "1", "--type", "BADGE", "--lang", "fr"],
            ["finding", "log", "--inspection", "1", "--type", "BADGE", "extra"],
            ["finding", "--inspection", "1", "--type", "BADGE", "log"],
            ["finding", "list", "--inspection", "1"],
            ["log", "finding", "--inspection", "1", "--type", "BADGE"],
            ["finding", "log", "--inspection", "1", "--type"],
        ])
    func leftToTheParser(_ arguments: [String]) {
        #expect(QuickArguments.command(arguments) == nil)
    }

    @Test("what inspectors type is read without ArgumentParser")
    func inspectorsLines() throws {
        for arguments in [
            ["finding", "log", "--inspection", "12", "--type", "LATE", "--staff", "CL-00231", "--arrived", "07:52"],
            ["--json", "finding", "log", "--inspection=12", "--type=BADGE", "--at", "-10min", "--note", "no badge"],
            ["finding", "--database", "/tmp/x.db", "log", "--type", "BADGE", "--inspection", "3", "--lang", "vi"],
        ] {
            let read = bothWays(arguments, as: FindingLogInput.self)
            #expect(read.quick != nil)
            #expect(read.quick == read.full)
        }
    }
}
