import ArgumentParser

/// `inspectctl office …`: the offices that can be inspected.
struct OfficeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office",
        abstract: "Add, list, show, import and retire offices.",
        subcommands: [OfficeAdd.self, OfficeList.self, OfficeShow.self, OfficeImport.self, OfficeRetire.self])
}
