import ArgumentParser

/// `inspectctl finding …`: the shortcomings teams record.
struct FindingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finding",
        abstract: "Log, list, amend, retract and import findings; require corrective actions.",
        discussion: "Findings are never edited or deleted: amend and retract add rows that point at the original.",
        subcommands: [
            FindingLog.self, FindingList.self, FindingAmend.self, FindingRetract.self, FindingImport.self,
            FindingActionCommand.self, FindingActions.self,
        ])
}
