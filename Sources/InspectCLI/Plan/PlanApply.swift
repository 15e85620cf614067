import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl plan apply`
struct PlanApply: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Put the plans on the schedule now (the daemon does this by itself).",
        discussion: """
            Schedules planned inspections up to HorizonDays= ahead, draws surprise plans for this period (if never \
            drawn) and the next, and publishes the seeds of ended periods. Running it again changes nothing. \
            For administrators; inspectd runs the same on start, on reload and as periods turn.
            """)
    static let access = CommandContext.Access.write

    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let report = try context.perform(Operations.ApplyPlans.self)
        if options.json { return try Output.json(report, zone: try context.zone) }
        print("Scheduled \(report.scheduled) planned inspections, cancelled \(report.cancelled).")
        for draw in report.drawn { print("Drew \(draw) (its inspections stay secret until due).") }
        for draw in report.revealed { print("Revealed the seed of \(draw).") }
        for failure in report.failed { Output.error("inspectctl: plan apply: \(failure)") }
        if !report.failed.isEmpty { throw ExitCode(ExitStatus.dataError.rawValue) }
    }
}
