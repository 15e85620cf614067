import ArgumentParser

/// `inspectctl violation …`: the kinds of shortcoming that can be recorded.
struct ViolationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "violation", abstract: "List the violation types.", subcommands: [ViolationList.self])
}
