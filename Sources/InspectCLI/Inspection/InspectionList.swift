import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl inspection list [--status S] [--office CODE] [--from T --to T]`
struct InspectionList: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List inspections.",
        discussion: "Surprise inspections that are not yet due are listed for administrators only.")
    static let access = CommandContext.Access.read

    @Option(help: "One of: \(InspectionStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
    var status: InspectionStatus?
    @Option(help: "Only inspections of this office.") var office: String?
    @Option(parsing: .unconditional, help: "From this time (inclusive).") var from: String?
    @Option(parsing: .unconditional, help: "Until this time (exclusive).") var to: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let filter = InspectionFilter(
            status: status, office: office, from: try from.map(context.instant), to: try to.map(context.instant))
        let inspections = try context.perform(Operations.ListInspections.self, filter).inspections
        let zone = try context.zone
        if options.json { return try Output.json(inspections, zone: zone) }
        Output.table(
            ["ID", "OFFICE", "KIND", "STATUS", "WHEN", "CHECKED", "TEAM"],
            inspections.map { inspection in
                let when = inspection.openedAt ?? inspection.dueAt
                return [
                    String(inspection.id), inspection.office, inspection.kind.rawValue, inspection.status.rawValue,
                    when.map { zone.display($0) } ?? "-", inspection.checked.map(String.init) ?? "-",
                    inspection.team ?? "",
                ]
            },
            empty: "No inspections.")
    }
}
