/// Everything `/etc/inspectd` configures, read from its files: the daemon's own settings and the working calendar.
///
/// Built from already-parsed documents, so it is pure; `ConfigLoader` (at the edge) reads the files. Unknown sections
/// and keys are errors at their file and line: a misspelt setting must not be silently ignored.
public struct InspectConfiguration: Sendable {
    /// `[Daemon] Database=`: where the daemon keeps its database, when the command line does not say.
    public var database: String?
    public var calendar: WorkCalendar

    /// The compiled defaults: no files at all.
    public static let defaults = try! InspectConfiguration(main: IniDocument(text: "", path: "(defaults)"), holidayFiles: [])

    /// - Parameters:
    ///   - main: `inspectd.conf` merged with its drop-ins.
    ///   - holidayFiles: the parsed `holidays.d/YYYY.conf` files.
    /// - Throws: `InspectError.invalidConfig` at the first problem.
    public init(main: IniDocument, holidayFiles: [IniDocument]) throws {
        try main.checkSections(expected: "[Daemon], " + WorkCalendar.configSections) {
            $0 == "Daemon" || WorkCalendar.isConfigSection($0)
        }
        try main.checkKeys(in: "Daemon", allowed: ["Database"])
        if let entry = main.value("Database", in: "Daemon") {
            guard entry.value.hasPrefix("/") else { throw entry.error("an absolute path") }
            database = entry.value
        }
        calendar = try WorkCalendar(configuration: main, holidayFiles: holidayFiles)
    }
}
