import ArgumentParser
import InspectCore

extension ClassificationLevel: ExpressibleByArgument {}

/// `inspectctl classification …`: the yearly classification's proposals and the council's decisions.
struct ClassificationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classification",
        abstract: "Propose the yearly classification by the rules; record and list the council's decisions.",
        discussion: """
            The rules are in classification.conf. A proposal is never a decision: the council decides, and its \
            decision is recorded beside the proposal, which stays. Levels: excellent (hoàn thành xuất sắc nhiệm \
            vụ), good (hoàn thành tốt nhiệm vụ), done (hoàn thành nhiệm vụ), not-done (không hoàn thành nhiệm vụ).
            """,
        subcommands: [ClassificationPropose.self, ClassificationList.self, ClassificationDecide.self])

    /// A level as a cell of a table: the short name, or the decree's name in Vietnamese.
    static func label(_ level: ClassificationLevel, _ language: Language) -> String {
        language == .vi ? level.name(in: .vi) : level.rawValue
    }
}
