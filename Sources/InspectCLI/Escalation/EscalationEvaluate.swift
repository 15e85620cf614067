import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl escalation evaluate [--since TIME]`
struct EscalationEvaluate: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: "Evaluate the rules again over recorded findings (administrators).",
        discussion: """
            Escalations are raised when findings are written; this applies the current rules to the findings \
            observed since --since (all when omitted), for instance after a rule was added. A finding already \
            counted by an escalation of a rule is never counted again by it, so running this twice raises nothing \
            the second time.
            """)
    static let access = CommandContext.Access.write

    @Option(parsing: .unconditional, help: "Only findings observed from this time.") var since: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let raised = try context.perform(
            Operations.EvaluateEscalations.self, .init(since: try since.map(context.instant))
        ).escalations
        if options.json { return try Output.json(raised, zone: try context.zone) }
        EscalationTable.print(raised, zone: try context.zone, empty: "No new escalation.")
    }
}
