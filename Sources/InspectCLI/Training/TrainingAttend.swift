import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl training attend COURSE BADGE [--completed D --evidence E]`
struct TrainingAttend: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "attend", abstract: "Record that a person attends a course, and its completion if known.",
        discussion: """
            An attendance is kept as recorded. With --completed and --evidence the completion is recorded too; \
            for a degree, the level it awards is added to the person's qualifications.
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The course's code.") var course: String
    @Argument(help: "Badge number.") var badge: String
    @Option(help: "The day they completed it, YYYY-MM-DD (not after today).") var completed: String?
    @Option(help: "The degree or certificate: number and issuer (at most 200 characters).") var evidence: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let request = AttendRequest(
            course: course, badge: badge,
            completed: try completed.map { try ProfileChangeOptions.date($0, option: "--completed") },
            evidence: evidence)
        let attendance = try context.perform(Operations.AttendCourse.self, request)
        if options.json { return try Output.json(attendance, zone: try context.zone) }
        print("Recorded \(badge) on course \(course)\(attendance.completed.map { ", completed \($0)" } ?? "").")
    }
}
