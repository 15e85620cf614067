import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl escalation list [--open] [--staff BADGE | --office CODE]`
struct EscalationList: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List escalations, newest first.",
        discussion: """
            COUNT is findings counted / the rule's threshold; WINDOW the days they fell in. An escalation whose \
            findings were retracted later stays on the record as raised; NOTE says how many were retracted or \
            amended since. --office lists the escalations about the office and those about a person raised by a \
            finding made there.
            """)
    static let access = CommandContext.Access.read

    @Flag(help: "Only escalations not yet acknowledged.") var open = false
    @Option(help: "Only escalations about this badge.") var staff: String?
    @Option(help: "Only escalations concerning this office.") var office: String?
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if staff != nil && office != nil { throw ValidationError("give --staff or --office, not both") }
    }

    func execute(_ context: CommandContext) throws {
        let escalations = try context.perform(
            Operations.ListEscalations.self, EscalationFilter(openOnly: open, staff: staff, office: office)
        ).escalations
        if options.json { return try Output.json(escalations, zone: try context.zone) }
        EscalationTable.print(
            escalations, zone: try context.zone, empty: open ? "No open escalations." : "No escalations.")
    }
}
