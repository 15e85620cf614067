import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl staff add BADGE --name N --office CODE …`
struct StaffAdd: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a person to the registry.",
        discussion: "Example: inspectctl staff add CL-00612 --name 'Nông Thị Hoa' --office UBND-NHANLY "
            + "--title 'Công chức Tư pháp – Hộ tịch'")
    static let access = CommandContext.Access.write

    @Argument(help: "Badge number (unique).") var badge: String
    @Option(help: "Full name.") var name: String
    @Option(help: "Code of the office they work in.") var office: String
    @Option(help: "Job title.") var title: String?
    @Option(help: "One of: \(StaffCategory.allCases.map(\.rawValue).joined(separator: ", ")).")
    var category = StaffCategory.civilServant
    @Option(help: "Their Unix user name: that user may then read this person's record (see 'staff link').")
    var login: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let staff = try context.perform(
            Operations.AddStaff.self,
            StaffAddRequest(badge: badge, name: name, office: office, title: title, category: category, login: login))
        if options.json { return try Output.json(staff, zone: try context.zone) }
        print("Added \(staff.badge) (\(staff.name)) to \(staff.office).")
    }
}
