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
        let zone = try context.zone
        var json = JSONArrayPages()
        var continuing = false
        try context.forEachPage(Operations.ListInspections.self, filter, after: \.after, next: \.next) { page in
            if options.json { return Swift.print(try json.text(page.inspections, zone: zone), terminator: "") }
            Output.table(
                ["ID", "OFFICE", "KIND", "STATUS", "WHEN", "CHECKED", "TEAM"],
                page.inspections.map { inspection in
                    let when = inspection.openedAt ?? inspection.dueAt
                    return [
                        String(inspection.id), inspection.office, inspection.kind.rawValue,
                        inspection.status.rawValue, when.map { zone.display($0) } ?? "-",
                        inspection.checked.map(String.init) ?? "-", inspection.team ?? "",
                    ]
                },
                empty: "No inspections.", continuing: continuing)
            continuing = true
        }
        if options.json { Swift.print(try json.end(zone: zone), terminator: "") }
    }
}
