import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl classification list --year Y [--staff BADGE]`
struct ClassificationList: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List a year's proposals, with the council's decisions and the reasons.",
        discussion: """
            Each person's latest proposal and latest decision; EARLIER counts the proposals and decisions they \
            supersede, which are kept. Classifications are personal: a user in neither inspectd group sees only \
            that of the person linked to their login ('staff link'). Level names follow --lang.
            """)
    static let access = CommandContext.Access.read

    @Option(help: "The year, e.g. 2026.") var year: Int
    @Option(help: "Only this person's classification.") var staff: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let reply = try context.perform(
            Operations.ListClassifications.self, ClassificationFilter(year: year, badge: staff))
        if options.json { return try Output.json(reply, zone: try context.zone) }
        let language = options.settings.language
        Self.printTable(
            reply.classifications, language: language, zone: try context.zone,
            empty: language == .vi ? "Chưa có đề xuất." : "No proposals.")
    }

    /// The table of `classifications`, shared with the review list.
    static func printTable(
        _ classifications: [YearClassification], language: Language, zone: LocalZone, empty: String
    ) {
        let header =
            language == .vi
            ? ["SỐ HIỆU", "HỌ TÊN", "ĐƠN VỊ", "ĐỀ XUẤT", "RÀ SOÁT", "LÝ DO", "QUYẾT ĐỊNH", "GHI CHÚ", "TRƯỚC ĐÓ"]
            : ["BADGE", "NAME", "OFFICE", "PROPOSED", "REVIEW", "REASONS", "DECIDED", "NOTE", "EARLIER"]
        Output.table(
            header,
            classifications.map { entry in
                [
                    entry.badge, entry.name, entry.office, ClassificationCommand.label(entry.proposal.level, language),
                    entry.proposal.review ? (language == .vi ? "có" : "yes") : "",
                    entry.proposal.reasons.map { $0.text(in: language) }.joined(separator: "; "),
                    entry.decision.map {
                        ClassificationCommand.label($0.level, language)
                            + " (\($0.decidedBy), \(zone.display($0.decidedAt)))"
                    } ?? "",
                    entry.decision?.note ?? "", "\(entry.earlierProposals)/\(entry.earlierDecisions)",
                ]
            },
            empty: empty)
    }
}
