import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl classification decide BADGE --year Y --level L --note TEXT`
struct ClassificationDecide: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", abstract: "Record the council's decision on a person's classification of a year.",
        discussion: """
            The decision is recorded beside the person's latest proposal of the year, with who recorded it and \
            when; the proposal stays as it was, and deciding again supersedes the earlier decision without erasing \
            it. Needs the admin role.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The person's badge.") var badge: String
    @Option(help: "The year, e.g. 2026.") var year: Int
    @Option(help: "The level decided: excellent, good, done or not-done.") var level: ClassificationLevel
    @Option(help: "The council's note: its minutes, or why (at most 2000 characters).") var note: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let decided = try context.perform(
            Operations.DecideClassification.self,
            ClassificationDecisionRequest(badge: badge, year: year, level: level, note: note))
        if options.json { return try Output.json(decided, zone: try context.zone) }
        print(
            "Recorded the decision on \(decided.badge)'s classification of \(decided.year): \(level.rawValue) "
                + "(proposed: \(decided.proposal.level.rawValue)).")
    }
}
