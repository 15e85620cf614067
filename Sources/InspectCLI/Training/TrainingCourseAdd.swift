import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl training add-course CODE --name N --kind K [--level L] --field F --provider P --start D --end D`
struct TrainingCourseAdd: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-course", abstract: "Add a course: a degree studied while working, or a short course.",
        discussion: """
            A degree names the education level it awards (--level: \
            \(QualificationKind.education.levels.joined(separator: ", "))); a short course names none. When a \
            person completes a degree, that level in the course's field is added to their qualifications. Example: \
            inspectctl training add-course 2018-TS-LUAT --name 'Thạc sĩ Luật' --kind degree --level master --field \
            'Luật' --provider 'Trường Đại học Luật Hà Nội' --start 2018-03-01 --end 2020-03-01
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "The course's code (letters, digits, '-', '_', '.').") var code: String
    @Option(help: "The course's name.") var name: String
    @Option(help: "degree or short-course.") var kind: TrainingKind
    @Option(help: "The education level a degree awards.") var level: String?
    @Option(help: "Its subject.") var field: String
    @Option(help: "Who gives it.") var provider: String
    @Option(help: "The day it starts, YYYY-MM-DD.") var start: String
    @Option(help: "The day it ends, YYYY-MM-DD.") var end: String
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let course = Course(
            code: code, name: name, kind: kind, level: level, field: field, provider: provider,
            starts: try ProfileChangeOptions.date(start, option: "--start"),
            ends: try ProfileChangeOptions.date(end, option: "--end"))
        let added = try context.perform(Operations.AddCourse.self, course)
        if options.json { return try Output.json(added, zone: try context.zone) }
        print("Added course \(added.code) (\(added.kind.rawValue)).")
    }
}
