import ArgumentParser
import InspectCore

/// `inspectctl plan list`
struct PlanList: ConfigCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the plans.")

    @OptionGroup var options: GlobalOptions

    func execute(_ configuration: InspectConfiguration) throws {
        let plans = configuration.plans.plans
        if options.json { return try Output.json(plans.map(PlanJSON.init), zone: configuration.calendar.zone) }
        Output.table(
            ["NAME", "KIND", "SCHEDULE", "TEAMS", "DESCRIPTION"],
            plans.map {
                [
                    $0.name, $0.kind.rawValue, PlanSummary.schedule(of: $0), $0.teams.joined(separator: " "),
                    $0.summary ?? "",
                ]
            },
            empty: "No plans (add files to plans.d/).")
    }
}

/// A plan as JSON.
struct PlanJSON: Encodable {
    var name: String
    var kind: String
    var description: String?
    var file: String
    var offices: OfficeSelector
    var checks: [String]
    var teams: [String]
    var window: String
    var onCalendar: String?
    var holidayPolicy: String?
    var surprise: SurpriseRules?

    init(_ plan: Plan) {
        name = plan.name
        kind = plan.kind.rawValue
        description = plan.summary
        file = plan.path
        offices = plan.selector
        checks = plan.checks
        teams = plan.teams
        window = plan.window.description
        onCalendar = plan.plannedRules?.onCalendar
        holidayPolicy = plan.plannedRules?.holidayPolicy.rawValue
        surprise = plan.surpriseRules
    }
}
