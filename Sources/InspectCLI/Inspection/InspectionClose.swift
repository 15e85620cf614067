import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl inspection close ID --checked N`
struct InspectionClose: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close an open inspection.",
        discussion: """
            --checked is the number of staff the team checked: the denominator of every rate in reports. When the \
            findings reach [FollowUp] MinSeverity= (default moderate), a follow-up inspection of the office is drawn \
            on one of the next WithinWorkingDays= working days (default 10), secret until due like a surprise. \
            --checked may not exceed the office's active staff unless --beyond-staff says why (people of other \
            offices were present); the reason goes to the journal with the close.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The inspection's id.") var id: Int64
    @Option(parsing: .unconditional, help: "How many staff were checked.") var checked: Int
    @Option(parsing: .unconditional, help: "When the team left (default: now).") var at: String?
    @Option(help: ArgumentHelp("Why more staff were checked than the office has.", valueName: "reason"))
    var beyondStaff: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let inspection = try context.perform(
            Operations.CloseInspection.self,
            .init(id: id, checked: checked, at: try at.map(context.instant), beyondStaff: beyondStaff))
        let zone = try context.zone
        if options.json { return try Output.json(inspection, zone: zone) }
        print("Closed inspection \(inspection.id) of \(inspection.office): \(checked) staff checked.")
        if let followUp = try context.perform(Operations.FollowUpOf.self, .init(id: id)).followUp {
            print(
                "Follow-up inspection \(followUp.inspection) scheduled on a working day from \(followUp.firstDay) to "
                    + "\(followUp.lastDay)"
                    + (followUp.dueAt.map { " (\(zone.display($0)), secret until due)" }
                        ?? " (secret until due)")
                    + ".")
        }
    }
}
