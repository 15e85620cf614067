import ArgumentParser
import InspectService

/// `inspectctl staff link BADGE LOGIN`
struct StaffLink: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "link", abstract: "Link a person to their Unix login, so they can read their own record.",
        discussion: """
            A user in neither inspectd group reads reports and, once linked, the staff record, findings and \
            history of the person linked to their login ('staff show', 'finding list', 'report staff'), and no one \
            else's. One login belongs to one person. Example: inspectctl staff link CL-00413 hoa
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "Badge number.") var badge: String
    @Argument(help: "The person's Unix user name.") var login: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let detail = try context.perform(Operations.LinkStaff.self, .init(badge: badge, login: login))
        if options.json { return try Output.json(detail, zone: try context.zone) }
        print("Linked \(badge) (\(detail.staff.name)) to login \(login).")
    }
}
