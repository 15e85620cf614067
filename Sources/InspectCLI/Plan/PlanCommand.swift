import ArgumentParser
import InspectCore

/// `inspectctl plan …`: the inspection plans of /etc/inspectd/plans.d.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "List, show, validate and apply plans; audit surprise draws.",
        discussion: """
            Plans are files in plans.d/ next to the configuration (see the shipped examples). Planned plans follow an \
            OnCalendar= expression; surprise plans are drawn per period from a fresh random seed, committed in the \
            journal before the period and revealed after it, when 'plan audit' proves the draw.
            """,
        subcommands: [PlanList.self, PlanShow.self, PlanValidate.self, PlanApply.self, PlanAudit.self])
}

/// How a plan's schedule reads in one line.
enum PlanSummary {
    static func schedule(of plan: InspectCore.Plan) -> String {
        switch plan.schedule {
        case .planned(let rules): "OnCalendar=\(rules.onCalendar) (\(rules.holidayPolicy.rawValue))"
        case .surprise(let rules): "\(rules.total) per \(rules.period.rawValue), \(rules.weighting.rawValue) weighting"
        }
    }
}
