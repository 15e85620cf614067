import ArgumentParser
import Foundation
import InspectCore
import InspectService

/// Options every command accepts, before the noun or after the verb (`ArgumentOrder` moves them).
struct GlobalOptions: ParsableArguments {
    /// Where the database lives when neither `--database` nor `$INSPECTD_DATABASE` says otherwise.
    static let defaultDatabase = "/var/lib/inspectd/inspectd.db"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Open this database directly (direct mode, for its owner and for tests).",
            discussion: "Default: $INSPECTD_DATABASE, else Database= in the configuration, else \(defaultDatabase).",
            valueName: "path"))
    var database: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The configuration file (working hours, holidays); drop-ins in PATH.d/.",
            discussion: "Default: $INSPECTD_CONFIG, else \(ConfigLoader.defaultPath) (compiled defaults if absent).",
            valueName: "path"))
    var config: String?

    @Flag(name: .long, help: "Print machine-readable JSON instead of a table.")
    var json = false

    @Option(name: .long, help: "Language of names and labels: en or vi (default: from $LANG).")
    var lang: Language?

    /// The database path to use: `--database`, `$INSPECTD_DATABASE`, the configuration's `Database=`, the default.
    func databasePath(configured: String?) -> String {
        database ?? ProcessInfo.processInfo.environment["INSPECTD_DATABASE"] ?? configured ?? Self.defaultDatabase
    }

    /// The configuration file to read, and whether the user named it (then it must exist).
    var configPath: (path: String, explicit: Bool) {
        if let config { return (config, true) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["INSPECTD_CONFIG"] {
            return (fromEnvironment, true)
        }
        return (ConfigLoader.defaultPath, false)
    }

    /// The language to show names in.
    var language: Language {
        lang ?? (ProcessInfo.processInfo.environment["LANG"]?.lowercased().hasPrefix("vi") == true ? .vi : .en)
    }
}
