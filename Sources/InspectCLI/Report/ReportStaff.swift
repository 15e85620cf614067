import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl report staff BADGE [--from T] [--to T]`
struct ReportStaff: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "One person's history: moves, findings, escalations and actions.",
        discussion: """
            Findings about the person count wherever they were made, before and after a move; corrections are shown \
            where they happened. Times are when things were observed (findings) or recorded (everything else).
            """)
    static let access = CommandContext.Access.read

    @Argument(help: "Badge number.") var badge: String
    @Option(parsing: .unconditional, help: "Only entries from this time (inclusive).") var from: String?
    @Option(parsing: .unconditional, help: "Only entries before this time.") var to: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let report = try context.perform(
            Operations.StaffHistory.self,
            .init(badge: badge, from: try from.map(context.instant), to: try to.map(context.instant)))
        if options.json { return try Output.json(report, zone: try context.zone) }
        let staff = report.staff
        Output.fields([
            ("Badge", staff.badge),
            ("Name", staff.name),
            ("Office", "\(staff.office) (\(report.officeName))"),
            ("Category", staff.category.rawValue),
            ("Active", staff.active ? "yes" : "no"),
            ("Record", TimelineTable.summary(report.summary)),
        ])
        print("")
        TimelineTable.print(report.timeline, zone: try context.zone)
    }
}
