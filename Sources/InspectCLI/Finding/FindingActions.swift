import ArgumentParser
import InspectCore
import InspectService

extension ActionStatus: ExpressibleByArgument {}

/// `inspectctl finding actions [--status S] [--overdue] [--office CODE] [--staff BADGE]`
struct FindingActions: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions", abstract: "List corrective actions by due date.")
    static let access = CommandContext.Access.read

    @Option(help: "Only actions in this state: open, done or verified.") var status: ActionStatus?
    @Flag(help: "Only open actions past their due date.") var overdue = false
    @Option(help: "Only actions on findings made in this office.") var office: String?
    @Option(help: "Only actions on findings about this badge.") var staff: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let actions = try context.perform(
            Operations.ListActions.self,
            ActionFilter(status: status, overdueOnly: overdue, office: office, staff: staff)
        ).actions
        if options.json { return try Output.json(actions, zone: try context.zone) }
        Output.table(
            ["ID", "FINDING", "OFFICE", "TYPE", "STAFF", "DUE", "STATUS", "REQUIRED"],
            actions.map { view in
                var status = view.action.status.rawValue
                if view.overdue { status += " (overdue)" }
                if view.findingRetracted { status += " (retracted)" }
                return [
                    String(view.action.id), String(view.action.finding), view.office, view.violation,
                    view.staff ?? "-", view.action.dueDate.description, status, view.action.requirement,
                ]
            },
            empty: "No corrective actions.")
    }
}
