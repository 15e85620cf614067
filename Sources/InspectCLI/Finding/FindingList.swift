import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl finding list [filters]`
struct FindingList: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List findings as they stand (or every row with --history).")
    static let access = CommandContext.Access.read

    @Option(help: "Only this inspection's findings.") var inspection: Int64?
    @Option(help: "Only findings in this office.") var office: String?
    @Option(help: "Only findings about this badge.") var staff: String?
    @Option(help: "Only this violation type.") var type: String?
    @Option(parsing: .unconditional, help: "Observed from this time (inclusive).") var from: String?
    @Option(parsing: .unconditional, help: "Observed until this time (exclusive).") var to: String?
    @Flag(help: "Also show amended and retracted rows and the corrections.") var history = false
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let filter = FindingFilter(
            inspection: inspection, office: office, staff: staff, violation: type?.uppercased(),
            from: try from.map(context.instant), to: try to.map(context.instant), includeHistory: history)
        let zone = try context.zone
        var json = JSONArrayPages()
        var continuing = false
        try context.forEachPage(Operations.ListFindings.self, filter, after: \.after, next: \.next) { page in
            if options.json {
                Swift.print(try json.text(page.findings, zone: zone), terminator: "")
            } else {
                FindingTable.print(page.findings, zone: zone, continuing: continuing)
            }
            continuing = true
        }
        if options.json { Swift.print(try json.end(zone: zone), terminator: "") }
    }
}
