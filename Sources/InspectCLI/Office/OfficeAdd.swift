import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl office add CODE --name N …`
struct OfficeAdd: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an office to the registry.",
        discussion: "Example: inspectctl office add UBND-NHANLY --name 'UBND xã Nhân Lý' --parent UBND-CHILANG "
            + "--kind commune")
    static let access = CommandContext.Access.write

    @Argument(help: "Stable code: A-Z, 0-9, '-', '_', '.' (e.g. UBND-NHANLY).") var code: String
    @Option(help: "The office's name.") var name: String
    @Option(help: "Code of the office above it.") var parent: String?
    @Option(help: "One of: \(OfficeKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind = OfficeKind.unit
    @Option(help: "Working-hours profile (default: default).") var hours: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let office = try context.perform(
            Operations.AddOffice.self,
            OfficeAddRequest(code: code, name: name, parent: parent, kind: kind, hoursProfile: hours))
        if options.json { return try Output.json(office, zone: try context.zone) }
        print("Added office \(office.code) (\(office.name)).")
    }
}
