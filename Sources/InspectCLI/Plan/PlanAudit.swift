import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl plan audit PERIOD [--plan NAME]`
struct PlanAudit: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Prove a past period's surprise draws were random and fixed in advance.",
        discussion: """
            PERIOD is a label such as 2027-03 (month), 2027-Q1 (quarter) or 2027-W05 (week). After the period ends \
            its seed is public: the audit recomputes the commitment published in the journal before the period, \
            replays the draw from the seed and the recorded inputs, checks the inspections are exactly the \
            drafts, and asks the journal which commitments it witnessed for the period: more than one, or another \
            than the record's, means the period was drawn again. Exit status 0 when every draw is confirmed, 65 \
            otherwise.
            """)
    static let access = CommandContext.Access.read

    @Argument(help: "The period's label.") var period: String
    @Option(help: "Only this plan's draw.") var plan: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let audits = try context.perform(Operations.AuditDraws.self, .init(period: period, plan: plan)).audits
        if options.json {
            try Output.json(audits, zone: try context.zone)
        } else {
            for audit in audits {
                print("Plan \(audit.plan), period \(audit.period): \(audit.isConfirmed ? "CONFIRMED" : "REFUTED")")
                print("  commitment \(audit.commitment)")
                print("  seed       \(audit.seed)")
                print("  \(audit.inspections) inspections")
                print("  journal    \(audit.witness)")
                for problem in audit.problems { print("  problem: \(problem)") }
            }
        }
        if let refuted = audits.first(where: { !$0.isConfirmed }) {
            throw InspectError.integrity(
                "the draw of plan \(refuted.plan) for \(refuted.period) does not verify: \(refuted.problems[0])")
        }
    }
}
