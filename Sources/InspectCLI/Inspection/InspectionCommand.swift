import ArgumentParser

/// `inspectctl inspection …`: visits of a team to an office.
struct InspectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspection",
        abstract: "Open, list, show, close, cancel and import inspections.",
        subcommands: [
            InspectionOpen.self, InspectionList.self, InspectionShow.self, InspectionClose.self,
            InspectionCancel.self, InspectionImport.self,
        ])
}
