import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl staff show BADGE`
struct StaffShow: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one person and their office history.")
    static let access = CommandContext.Access.read

    @Argument(help: "Badge number.") var badge: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let detail = try context.perform(Operations.ShowStaff.self, .init(badge: badge))
        let zone = try context.zone
        if options.json { return try Output.json(detail, zone: zone) }
        let staff = detail.staff
        Output.fields([
            ("Badge", staff.badge),
            ("Name", staff.name),
            ("Office", "\(staff.office) (\(detail.officeName))"),
            ("Title", staff.title),
            ("Category", staff.category.rawValue),
            ("Active", staff.active ? "yes" : "no"),
            ("Login", staff.login),
            ("Findings", String(detail.findings)),
        ])
        print("History:")
        for period in detail.history {
            let until = period.until.map { zone.display($0) } ?? "now"
            print("  \(zone.display(period.from)) – \(until)  \(period.office)")
        }
    }
}
