import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl export offices [--format csv|json]`
struct ExportOffices: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "offices", abstract: "Export every office, retired ones too, each after its parent.",
        discussion: "CSV columns: code,name,parent,kind,hours,active (yes/no), as 'office import' reads them.")
    static let access = CommandContext.Access.read

    @OptionGroup var export: ExportOptions
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let offices = try context.perform(Operations.ExportOffices.self).offices
        switch export.resolved(options) {
        case .json: try Output.write(try Output.jsonText(offices, zone: try context.zone), to: export.output)
        case .csv:
            var csv = CSVWriter(header: ["code", "name", "parent", "kind", "hours", "active"])
            for office in offices {
                csv.append([
                    office.code, office.name, office.parent, office.kind.rawValue, office.hoursProfile,
                    office.active ? "yes" : "no",
                ])
            }
            try Output.write(csv.text, to: export.output)
        }
    }
}
