import ArgumentParser

/// `inspectctl staff …`: the people whose discipline is checked.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Add, list, show, import, move, retire and link staff; their level, title and qualifications.",
        subcommands: [
            StaffAdd.self, StaffList.self, StaffShow.self, StaffImport.self, StaffMove.self, StaffRetire.self,
            StaffLink.self, StaffUnlink.self, StaffLevelChange.self, StaffTitleChange.self, StaffQualify.self,
            StaffQualificationImport.self, StaffProfileImport.self, StaffProfileShow.self, StaffTitleList.self,
        ])
}
