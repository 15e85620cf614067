import ArgumentParser
import InspectCore

/// `inspectctl tests …`: competency test sessions and their results.
struct TestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tests",
        abstract: "Plan competency test sessions; record, import, correct and list their results.",
        subcommands: [
            TestSessionPlan.self, TestSessionList.self, TestResultRecord.self, TestResultImport.self,
            TestResultAmend.self, TestResultList.self,
        ])

    /// A score typed on the command line.
    /// - Throws: `InspectError.invalidInput` saying what a score is.
    static func score(_ text: String) throws -> Tenths {
        guard let score = CompetencyScore.parse(text) else {
            throw InspectError.invalidInput("score '\(text)' is not a score from 0 to 100 with at most one decimal")
        }
        return score
    }
}
