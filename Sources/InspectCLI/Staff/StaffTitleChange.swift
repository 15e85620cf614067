import ArgumentParser
import InspectService

/// `inspectctl staff title BADGE CODE --reason R [--on DATE] [--evidence E]`
struct StaffTitleChange: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "title", abstract: "Record a person's title (chức danh), keeping the earlier ones.",
        discussion: """
            The title is a code of titles.conf ('staff titles' lists them). The change is kept with who recorded \
            it, when and why ('staff profile' shows the history), and the title people see in listings becomes \
            the title's name. Example: inspectctl staff title CL-00612 tu-phap-ho-tich --on 2024-03-01 \
            --reason 'Quyết định tuyển dụng' --evidence 'QĐ 15/QĐ-UBND ngày 28/02/2024'
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "Badge number.") var badge: String
    @Argument(help: "The title's code in titles.conf.") var title: String
    @OptionGroup var change: ProfileChangeOptions
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let profile = try context.perform(Operations.SetStaffTitle.self, try change.request(badge: badge, value: title))
        if options.json { return try Output.json(profile, zone: try context.zone) }
        print("Title of \(badge) (\(profile.name)) set to \(profile.titleName ?? title).")
    }
}
