import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl classification propose --year Y`
struct ClassificationPropose: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose", abstract: "Propose a year's classification of everyone on the roll, by the rules.",
        discussion: """
            Reads the year's findings as they stand, escalations and referrals, corrective actions not done by the \
            year's end and the band of the latest competency test, and applies classification.conf. A person whose \
            year reads as in their latest proposal under the same rules gets no new one; everyone else gets a new \
            proposal beside the earlier ones. Needs the admin role.
            """)
    static let access = CommandContext.Access.write

    @Option(help: "The year, e.g. 2026.") var year: Int
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let run = try context.perform(Operations.ProposeClassification.self, YearRequest(year: year))
        if options.json { return try Output.json(run, zone: try context.zone) }
        print("Proposed the classification of \(run.year): \(run.proposed) new proposals, \(run.unchanged) unchanged.")
    }
}
