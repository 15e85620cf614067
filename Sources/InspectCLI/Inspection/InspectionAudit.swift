import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl inspection audit ID`
struct InspectionAudit: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Prove a follow-up inspection's instant was drawn at random as committed.",
        discussion: """
            A follow-up's instant is drawn from a fresh random seed when the inspection it follows is closed; the \
            journal gets only the commitment. Once the follow-up is due its seed is public, and the audit recomputes \
            the commitment and replays the draw. Exit status 0 when confirmed, 65 otherwise.
            """)
    static let access = CommandContext.Access.read

    @Argument(help: "The follow-up inspection's id.") var id: Int64
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let report = try context.perform(Operations.AuditFollowUp.self, .init(id: id))
        let zone = try context.zone
        if options.json {
            try Output.json(report, zone: zone)
        } else {
            print(
                "Follow-up \(report.inspection) of inspection \(report.follows): "
                    + (report.isConfirmed ? "CONFIRMED" : "REFUTED"))
            print("  commitment \(report.commitment)")
            print("  seed       \(report.seed)")
            print("  due        \(zone.display(report.dueAt))")
            print("  journal    \(report.witness)")
            for problem in report.problems { print("  problem: \(problem)") }
        }
        if let problem = report.problems.first {
            throw InspectError.integrity("the follow-up draw of inspection \(id) does not verify: \(problem)")
        }
    }
}
