import ArgumentParser
import Foundation
import InspectCore
import InspectService

/// `inspectctl plan show NAME`
struct PlanShow: ConfigCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one plan, its next due times and the offices it selects.")

    @Argument(help: "The plan's name.") var name: String
    @OptionGroup var options: GlobalOptions

    func execute(_ configuration: InspectConfiguration) throws {
        let plan = try configuration.plans.plan(named: name)
        let zone = configuration.calendar.zone
        if options.json { return try Output.json(PlanJSON(plan), zone: zone) }
        var next: String?
        if let rules = plan.plannedRules {
            let spec = try CalendarSpec.parse(rules.onCalendar)
            next = spec.elapses(after: Instant(Date()), count: 3, in: zone).map { zone.display($0) }
                .joined(separator: ", ")
        }
        Output.fields([
            ("Plan", plan.name),
            ("Description", plan.summary),
            ("File", plan.path),
            ("Kind", plan.kind.rawValue),
            ("Schedule", PlanSummary.schedule(of: plan)),
            ("Next elapses", next),
            ("Window", plan.window.description),
            ("Teams", plan.teams.joined(separator: " ")),
            ("Checks", plan.checks.joined(separator: " ")),
            ("Offices", selectorText(plan.selector)),
            ("Selected now", selectedOffices(plan, configuration: configuration)),
        ])
    }

    private func selectorText(_ selector: OfficeSelector) -> String {
        var parts: [String] = []
        if !selector.codes.isEmpty { parts.append("codes " + selector.codes.joined(separator: " ")) }
        if !selector.kinds.isEmpty { parts.append("kinds " + selector.kinds.map(\.rawValue).joined(separator: " ")) }
        if !selector.parents.isEmpty { parts.append("under " + selector.parents.joined(separator: " ")) }
        return parts.joined(separator: "; ")
    }

    /// The offices of the registry the plan selects today, when the record can be read (through the daemon, or
    /// directly with --database).
    private func selectedOffices(_ plan: Plan, configuration: InspectConfiguration) -> String? {
        guard let context = try? CommandContext(options.settings, access: .read, showsTimes: false),
            let offices = try? context.perform(Operations.ListOffices.self, .init(includeRetired: false)).offices
        else { return nil }
        let selected = plan.selector.select(from: offices).map(\.code)
        return "\(selected.count): " + selected.joined(separator: " ")
    }
}
