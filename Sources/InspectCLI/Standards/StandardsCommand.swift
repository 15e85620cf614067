import ArgumentParser

/// `inspectctl standards …`: the qualification standards of `standards.conf`, and who meets them.
struct StandardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standards",
        abstract: "List the qualification standards; check who meets them.",
        discussion: """
            The standards are those of /etc/inspectd/standards.conf, with drop-ins in standards.conf.d/; the \
            shares that meet them, by level and category, are 'report standards'.
            """,
        subcommands: [StandardsList.self, StandardsCheck.self])
}
