import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl plan validate FILE…`
struct PlanValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check plan files before installing them.",
        discussion: "Exit status 0 when every file is a valid plan; 78 with the file and line of the first problem.")

    @Argument(help: "Plan files (their NAME.conf.d/ drop-ins are read too).") var files: [String]
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one plan file") }
    }

    func run() throws {
        let set = try PlanSet(documents: try ConfigLoader.planDocuments(files)) { _ = try CalendarSpec.parse($0) }
        for plan in set.plans {
            print("\(plan.path): plan \(plan.name) (\(plan.kind.rawValue)) is valid: \(PlanSummary.schedule(of: plan))")
        }
    }
}
