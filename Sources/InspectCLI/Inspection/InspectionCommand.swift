import ArgumentParser

/// `inspectctl inspection …`: visits of a team to an office.
struct InspectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspection",
        abstract: "Open, list, show, close, cancel and import inspections; audit follow-ups.",
        subcommands: [
            InspectionOpen.self, InspectionList.self, InspectionShow.self, InspectionClose.self,
            InspectionCancel.self, InspectionImport.self, InspectionAudit.self,
        ])
}
