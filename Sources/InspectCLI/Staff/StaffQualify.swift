import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl staff qualify BADGE --kind K --level L [--field F] --date D --evidence E [--reason R]`
struct StaffQualify: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "qualify", abstract: "Record one of a person's qualifications, keeping the earlier ones.",
        discussion: """
            Kinds and their levels (lowest first): \
            \(QualificationKind.allCases.map { "\($0.rawValue): \($0.levels.joined(separator: ", "))" }.joined(separator: "; ")). \
            Education needs --field (the subject) and language needs --field (the language, foreign or ethnic); the \
            other kinds take none. The latest qualification of each kind (of each language) is the current one; \
            earlier ones stay in the history. Example: inspectctl staff qualify CL-00612 --kind education --level \
            bachelor --field 'Luật' --date 2015-06-30 --evidence 'Bằng cử nhân số 123456, Trường Đại học Luật Hà Nội'
            """)
    static let access = CommandContext.Access.write

    @Argument(help: "Badge number.") var badge: String
    @Option(help: "What it certifies: \(QualificationKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: QualificationKind
    @Option(help: "Its level, one of the kind's (see above).") var level: String
    @Option(help: "The subject (education) or the language (language).") var field: String?
    @Option(help: "When it was awarded, YYYY-MM-DD (not after today).") var date: String
    @Option(help: "The degree or certificate: number and issuer (at most 200 characters).") var evidence: String
    @Option(help: "Why it is recorded now, if worth saying (kept in the history).") var reason: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let qualification = Qualification(
            kind: kind, level: level, field: field, date: try ProfileChangeOptions.date(date, option: "--date"),
            evidence: evidence)
        let profile = try context.perform(
            Operations.QualifyStaff.self, QualifyRequest(badge: badge, qualification: qualification, reason: reason))
        if options.json { return try Output.json(profile, zone: try context.zone) }
        print("Recorded the \(kind.rawValue) qualification of \(badge) (\(profile.name)).")
    }
}
