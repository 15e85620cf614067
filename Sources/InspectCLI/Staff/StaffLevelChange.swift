import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl staff level BADGE LEVEL --reason R [--on DATE] [--evidence E]`
struct StaffLevelChange: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "level", abstract: "Record the level a person serves at, keeping the earlier ones.",
        discussion: """
            The level is one of \(StaffLevel.allCases.map(\.rawValue).joined(separator: ", ")). The change is kept \
            with who recorded it, when and why ('staff profile' shows the history). Example: inspectctl staff \
            level CL-00612 commune --on 2025-07-01 --reason 'Chuyển về công tác tại xã'
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "Badge number.") var badge: String
    @Argument(help: "The level: \(StaffLevel.allCases.map(\.rawValue).joined(separator: ", ")).") var level: StaffLevel
    @OptionGroup var change: ProfileChangeOptions
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let profile = try context.perform(
            Operations.SetStaffLevel.self, try change.request(badge: badge, value: level.rawValue))
        if options.json { return try Output.json(profile, zone: try context.zone) }
        print("Level of \(badge) (\(profile.name)) set to \(level.rawValue).")
    }
}
