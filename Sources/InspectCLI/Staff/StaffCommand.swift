import ArgumentParser

/// `inspectctl staff …`: the people whose discipline is checked.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Add, list, show, import, move and retire staff.",
        subcommands: [
            StaffAdd.self, StaffList.self, StaffShow.self, StaffImport.self, StaffMove.self, StaffRetire.self,
        ])
}
