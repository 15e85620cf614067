import ArgumentParser
import InspectService

/// `inspectctl office retire CODE`
struct OfficeRetire: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire", abstract: "Retire an office; it stays in the record.",
        discussion: "An office with active staff, active sub-offices or unfinished inspections cannot be retired.")
    static let access = CommandContext.Access.write

    @Argument(help: "The office's code.") var code: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let office = try context.perform(Operations.RetireOffice.self, .init(code: code))
        if options.json { return try Output.json(office, zone: try context.zone) }
        print("Retired office \(office.code).")
    }
}
