/// Everything `/etc/inspectd` configures, read from its files: the daemon's own settings, the working calendar, the
/// inspection plans, follow-ups and the escalation rules.
///
/// Built from already-parsed documents, so it is pure; `ConfigLoader` (at the edge) reads the files. Unknown sections
/// and keys are errors at their file and line: a misspelt setting must not be silently ignored.
public struct InspectConfiguration: Sendable {
    /// `[Daemon] Database=`: where the daemon keeps its database, when the command line does not say.
    public var database: String?
    /// `[Daemon] HorizonDays=`: how far ahead planned inspections are put on the schedule.
    public var horizonDays: Int
    /// `[Daemon] RiskWindowDays=`: how far back an office's violation rate is measured for risk-weighted draws.
    public var riskWindowDays: Int
    public var calendar: WorkCalendar
    public var plans: PlanSet
    /// `[FollowUp]`: when closing an inspection schedules a follow-up.
    public var followUp: FollowUpPolicy
    /// `escalation.conf`: when repeated findings raise an escalation; none without the file.
    public var escalation: EscalationRules
    /// `titles.conf`: the titles (chức danh) a person may hold; none without the file.
    public var titles: StaffTitles
    /// `bands.conf`: how competency test scores are read; none without the file.
    public var bands: CompetencyBands
    /// `[Uplink]`: the center the daemon sends the record to; nil when none is configured.
    public var uplink: UplinkSettings?
    /// `standards.conf`: what each level, category and title requires; none without the file.
    public var standards: Standards
    /// `classification.conf`: how a person's year becomes a proposed classification; nil without the file.
    public var classification: ClassificationRules?

    /// The compiled defaults: no files at all.
    public static let defaults = try! InspectConfiguration(
        main: IniDocument(text: "", path: "(defaults)"), holidayFiles: [], planFiles: [])

    /// - Parameters:
    ///   - main: `inspectd.conf` merged with its drop-ins.
    ///   - holidayFiles: the parsed `holidays.d/YYYY.conf` files.
    ///   - planFiles: the parsed `plans.d/NAME.conf` files, each merged with its drop-ins.
    ///   - escalationFile: `escalation.conf` merged with its drop-ins, or nil when there is none (no rules).
    ///   - titlesFile: `titles.conf` merged with its drop-ins, or nil when there is none (no titles).
    ///   - standardsFile: `standards.conf` merged with its drop-ins, or nil when there is none (no standards).
    ///   - bandsFile: `bands.conf` merged with its drop-ins, or nil when there is none (no bands).
    ///   - classificationFile: `classification.conf` merged with its drop-ins, or nil when there is none (no rules).
    /// - Throws: `InspectError.invalidConfig` at the first problem.
    public init(
        main: IniDocument, holidayFiles: [IniDocument], planFiles: [IniDocument], escalationFile: IniDocument? = nil,
        titlesFile: IniDocument? = nil, standardsFile: IniDocument? = nil, bandsFile: IniDocument? = nil,
        classificationFile: IniDocument? = nil
    ) throws {
        try main.checkSections(expected: "[Daemon], [FollowUp], [Uplink], " + WorkCalendar.configSections) {
            $0 == "Daemon" || $0 == FollowUpPolicy.section || $0 == UplinkSettings.section
                || WorkCalendar.isConfigSection($0)
        }
        try main.checkKeys(in: "Daemon", allowed: ["Database", "HorizonDays", "RiskWindowDays"])
        if let entry = main.value("Database", in: "Daemon") {
            guard entry.value.hasPrefix("/") else { throw entry.error("an absolute path") }
            database = entry.value
        }
        horizonDays = try main.value("HorizonDays", in: "Daemon")?.int(in: 1...366) ?? 60
        riskWindowDays = try main.value("RiskWindowDays", in: "Daemon")?.int(in: 7...3660) ?? 90
        calendar = try WorkCalendar(configuration: main, holidayFiles: holidayFiles)
        plans = try PlanSet(documents: planFiles) { _ = try CalendarSpec.parse($0) }
        followUp = try FollowUpPolicy(configuration: main)
        escalation = try escalationFile.map { try EscalationRules(document: $0) } ?? .none
        let titles = try titlesFile.map { try StaffTitles(document: $0) } ?? .none
        self.titles = titles
        standards = try standardsFile.map { try Standards(document: $0, titles: titles) } ?? .none
        let bands = try bandsFile.map { try CompetencyBands(document: $0) } ?? .none
        self.bands = bands
        classification = try classificationFile.map {
            try ClassificationRules(document: $0, bands: bands.bands.map(\.code))
        }
        uplink = try UplinkSettings(configuration: main)
    }
}
