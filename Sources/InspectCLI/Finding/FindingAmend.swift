import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl finding amend ID --reason R [changes]`
struct FindingAmend: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend", abstract: "Correct a finding; the original stays in the record.",
        discussion: """
            Give the reason and what changes; everything else is kept from the finding being amended, its \
            observation time too.

            --at says when the correction was made, if not now: the time on the spot, for a round written up \
            later. Timelines (report staff, report office) show the amendment then; the record keeps when it was \
            written as well. It may not be before the finding was observed, nor in the future.

            Example: inspectctl finding amend 41 --reason "Giờ đến ghi nhầm" --arrived 07:45 --at "2027-02-06 08:10"
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The finding's id.") var id: Int64
    @Option(help: "Why it is amended.") var reason: String
    @Option(help: "New violation type code.") var type: String?
    @Option(help: "New badge.") var staff: String?
    @Option(help: "New arrival time HH:MM.") var arrived: String?
    @Option(help: "New departure time HH:MM.") var left: String?
    @Option(help: "New note.") var note: String?
    @Option(parsing: .unconditional, help: "When the correction was made (default: now).") var at: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let request = FindingAmendRequest(
            finding: id, reason: reason, violation: type?.uppercased(), staff: staff,
            arrived: try Arguments.clock(arrived, option: "--arrived"),
            left: try Arguments.clock(left, option: "--left"), note: note, at: try at.map(context.instant))
        let view = try context.perform(Operations.AmendFinding.self, request)
        if options.json { return try Output.json(view, zone: try context.zone) }
        print("Amended finding \(id) as finding \(view.finding.id).")
        EscalationNotice.print(view.escalations ?? [])
    }
}
