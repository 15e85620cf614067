import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl escalation ack ID [--note TEXT]`
struct EscalationAck: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack", abstract: "Acknowledge an escalation (administrators).",
        discussion: """
            Records who acknowledged it and when, with the measure decided in --note \
            (e.g. "Đã nhắc nhở tại cuộc họp cơ quan ngày 15/3").
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The escalation's id.") var id: Int64
    @Option(help: "What was decided or done.") var note: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let view = try context.perform(Operations.AcknowledgeEscalation.self, .init(id: id, note: note))
        if options.json { return try Output.json(view, zone: try context.zone) }
        print("Acknowledged escalation \(view.id) (\(view.level.rawValue) for \(view.subject)).")
    }
}
