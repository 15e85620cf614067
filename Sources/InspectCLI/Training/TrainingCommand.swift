import ArgumentParser
import InspectCore

extension TrainingKind: ExpressibleByArgument {}

/// `inspectctl training …`: courses and who attended them.
struct TrainingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "Add courses; record, import and list who attended and completed them.",
        subcommands: [
            TrainingCourseAdd.self, TrainingCourseImport.self, TrainingCourseList.self, TrainingAttend.self,
            TrainingComplete.self,
            TrainingImport.self, TrainingAttendanceList.self,
        ])
}
