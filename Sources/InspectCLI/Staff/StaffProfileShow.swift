import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl staff profile BADGE`
struct StaffProfileShow: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Show a person's level, title and qualifications, and every change to them.",
        discussion: """
            Qualifications are personal: a user in neither inspectd group sees only the profile of the person \
            linked to their login ('staff link').
            """)
    static let access = CommandContext.Access.read

    @Argument(help: "Badge number.") var badge: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let profile = try context.perform(Operations.ShowProfile.self, .init(badge: badge))
        let zone = try context.zone
        if options.json { return try Output.json(profile, zone: zone) }
        Output.fields([
            ("Badge", profile.badge),
            ("Name", profile.name),
            ("Level", profile.level?.rawValue),
            ("Title", profile.title.map { code in profile.titleName.map { "\($0) (\(code))" } ?? code }),
        ])
        Output.table(
            ["KIND", "LEVEL", "FIELD", "DATE", "EVIDENCE"],
            profile.qualifications.map {
                [$0.kind.rawValue, $0.level, $0.field ?? "", $0.date.description, $0.evidence]
            },
            empty: "No qualifications.")
        print("History:")
        for change in profile.history {
            let what = [change.aspect, change.value, change.field].compactMap { $0 }.joined(separator: " ")
            let why = [change.evidence, change.reason].compactMap { $0 }.joined(separator: "; ")
            print("  \(change.date)  \(what)  (\(change.recordedBy), \(zone.display(change.recordedAt)))  \(why)")
        }
    }
}
