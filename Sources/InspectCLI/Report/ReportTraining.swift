import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl report training --year Y [--lang vi]`
struct ReportTraining: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "training", abstract: "A year's training: attendances of degrees and short courses, by level.",
        discussion: """
            An attendance counts in the year its course starts, once per person and course; a person's level is \
            the one recorded on the day the course started ('staff level'). Labels and numbers follow --lang (or \
            $LANG). Needs the inspector role: small groups could name people.
            """)
    static let access = CommandContext.Access.read

    @Option(help: "The year, e.g. 2018.") var year: Int
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let report = try context.perform(Operations.TrainingYearReport.self, YearRequest(year: year))
        if options.json { return try Output.json(report, zone: try context.zone) }
        let language = options.settings.language
        let numbers = ReportNumbers(language)
        print(report.narrative(language))
        print("")
        let header =
            language == .vi
            ? ["CẤP", "ĐÀO TẠO VĂN BẰNG", "BỒI DƯỠNG", "TỔNG SỐ LƯỢT"] : ["LEVEL", "DEGREES", "SHORT COURSES", "TOTAL"]
        let rows = (report.byLevel + [report.total]).enumerated().map { index, row in
            [
                index == report.byLevel.count
                    ? (language == .vi ? "Tổng cộng" : "Total") : TrainingReport.levelName(row.level, language),
                numbers.integer(row.degree), numbers.integer(row.shortCourse), numbers.integer(row.total),
            ]
        }
        Output.table(header, rows, empty: "")
    }
}
