import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl inspection show ID`
struct InspectionShow: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one inspection and its findings.")
    static let access = CommandContext.Access.read

    @Argument(help: "The inspection's id.") var id: Int64
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let detail = try context.perform(Operations.ShowInspection.self, .init(id: id))
        if options.json { return try Output.json(detail, zone: try context.zone) }
        let inspection = detail.inspection
        let zone = try context.zone
        Output.fields([
            ("Inspection", String(inspection.id)),
            ("Office", "\(inspection.office) (\(detail.officeName))"),
            ("Kind", inspection.kind.rawValue),
            ("Status", inspection.status.rawValue),
            ("Plan", inspection.plan),
            ("Due", inspection.dueAt.map(zone.display)),
            ("Team", inspection.team),
            ("Opened", inspection.openedAt.map { "\(zone.display($0)) by \(inspection.openedBy ?? "?")" }),
            ("Closed", inspection.closedAt.map { "\(zone.display($0)) by \(inspection.closedBy ?? "?")" }),
            ("Checked", inspection.checked.map(String.init)),
            ("Cancelled", inspection.cancelReason),
            ("Follows", inspection.follows.map { "inspection \($0)" }),
            ("Followed up by", detail.followedUpBy.map { "inspection \($0)" }),
        ])
        print("")
        FindingTable.print(detail.findings, zone: zone)
    }
}
