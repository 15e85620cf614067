import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl training attendances [--course C] [--staff BADGE]`
struct TrainingAttendanceList: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendances", abstract: "List who attended which course, and their completions.",
        discussion: """
            Attendances are personal: a user in neither inspectd group sees only those of the person linked to \
            their login ('staff link').
            """)
    static let access = CommandContext.Access.read

    @Option(help: "Only this course's attendances.") var course: String?
    @Option(help: "Only this person's attendances.") var staff: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let reply = try context.perform(
            Operations.ListAttendances.self, AttendanceFilter(course: course, badge: staff))
        if options.json { return try Output.json(reply, zone: try context.zone) }
        Output.table(
            ["COURSE", "BADGE", "COMPLETED", "EVIDENCE"],
            reply.attendances.map { [$0.course, $0.badge, $0.completed?.description ?? "", $0.evidence ?? ""] },
            empty: "No attendances.")
    }
}
