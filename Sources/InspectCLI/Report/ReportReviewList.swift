import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl report review-list --year Y [--format table|json]`
struct ReportReviewList: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "review-list",
        abstract: "Those the rules flag for the streamlining review: a list for the council, not a decision.",
        discussion: """
            Everyone whose latest proposal of the year a rule of classification.conf flags for review (Review=yes), \
            with the reasons and any decision recorded. The heading says, in English and Vietnamese, that this is a \
            list for the council to decide on. Formats: table (default), json (the same as --json). Needs the \
            inspector role.
            """)
    static let access = CommandContext.Access.read

    @Option(help: "The year, e.g. 2026.") var year: Int
    /// The formats the list is written in.
    enum Format: String, CaseIterable, ExpressibleByArgument { case table, json }

    @Option(help: "How to write the list (default: table).") var format: Format?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let list = try context.perform(Operations.ClassificationReviewList.self, YearRequest(year: year))
        let zone = try context.zone
        switch format ?? (options.json ? .json : .table) {
        case .json: try Output.json(list, zone: zone)
        case .table:
            let language = options.settings.language
            let title =
                language == .vi
                ? "Danh sách rà soát tinh giản biên chế năm \(list.year)" : "Streamlining review list, \(list.year)"
            print([title, "", list.notice, list.noticeVi, ""].joined(separator: "\n"))
            ClassificationList.printTable(
                list.people, language: language, zone: zone,
                empty: language == .vi ? "Không có ai trong danh sách." : "Nobody is on the list.")
        }
    }
}
