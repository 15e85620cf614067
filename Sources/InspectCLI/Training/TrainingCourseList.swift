import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl training list [--year Y]`
struct TrainingCourseList: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the courses, or those starting in one year.")
    static let access = CommandContext.Access.read

    @Option(help: "Only the courses starting in this year.") var year: Int?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let reply = try context.perform(Operations.ListCourses.self, CourseFilter(year: year))
        if options.json { return try Output.json(reply, zone: try context.zone) }
        Output.table(
            ["CODE", "KIND", "LEVEL", "FIELD", "START", "END", "PROVIDER", "NAME"],
            reply.courses.map {
                [
                    $0.code, $0.kind.rawValue, $0.level ?? "", $0.field, $0.starts.description, $0.ends.description,
                    $0.provider, $0.name,
                ]
            },
            empty: "No courses.")
    }
}
