import ArgumentParser
import InspectService

/// `inspectctl whoami`
struct WhoAmICommand: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami", abstract: "Show your user, your role and the staff record linked to your login.",
        discussion: """
            Roles come from Unix groups: root and members of \(Role.adminGroup) are admins, members of \(Role.inspectorGroup) \
            inspectors, everyone else readers. A reader reads reports and the record of the person linked to their \
            login ('inspectctl staff link BADGE LOGIN', by an administrator).
            """)
    static let access = CommandContext.Access.read

    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let identity = try context.perform(Operations.WhoAmI.self)
        if options.json { return try Output.json(identity, zone: try context.zone) }
        Output.fields([
            ("User", identity.user),
            ("Role", identity.role.rawValue),
            (
                "Staff",
                identity.staff.map { "\($0.staff.badge) (\($0.staff.name), \($0.staff.office))" } ?? "none linked"
            ),
        ])
    }
}
