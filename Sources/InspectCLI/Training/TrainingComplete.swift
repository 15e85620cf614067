import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl training complete COURSE BADGE --date D --evidence E`
struct TrainingComplete: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete", abstract: "Record that a person completed a course they attend.",
        discussion: """
            For a degree, the level it awards in the course's field is added to the person's qualifications, with \
            the same date and evidence; the earlier qualifications stay in the history ('staff profile').
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The course's code.") var course: String
    @Argument(help: "Badge number.") var badge: String
    @Option(help: "The day they completed it, YYYY-MM-DD (not after today).") var date: String
    @Option(help: "The degree or certificate: number and issuer (at most 200 characters).") var evidence: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let request = AttendRequest(
            course: course, badge: badge, completed: try ProfileChangeOptions.date(date, option: "--date"),
            evidence: evidence)
        let attendance = try context.perform(Operations.CompleteCourse.self, request)
        if options.json { return try Output.json(attendance, zone: try context.zone) }
        print("Recorded that \(badge) completed course \(course).")
    }
}
