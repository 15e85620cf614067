import ArgumentParser
import Foundation
import InspectCore

/// Options every command accepts, before the noun or after the verb (`ArgumentOrder` moves them).
struct GlobalOptions: ParsableArguments {
    /// Where the database lives when neither `--database` nor `$INSPECTD_DATABASE` says otherwise.
    static let defaultDatabase = "/var/lib/inspectd/inspectd.db"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Open this database directly (direct mode, for its owner and for tests).",
            discussion: "Default: $INSPECTD_DATABASE, else \(defaultDatabase).", valueName: "path"))
    var database: String?

    @Flag(name: .long, help: "Print machine-readable JSON instead of a table.")
    var json = false

    @Option(name: .long, help: "Language of names and labels: en or vi (default: from $LANG).")
    var lang: Language?

    /// The database path to use.
    var databasePath: String {
        database ?? ProcessInfo.processInfo.environment["INSPECTD_DATABASE"] ?? Self.defaultDatabase
    }

    /// The language to show names in.
    var language: Language {
        lang ?? (ProcessInfo.processInfo.environment["LANG"]?.lowercased().hasPrefix("vi") == true ? .vi : .en)
    }
}

/// The languages inspectctl speaks.
enum Language: String, ExpressibleByArgument, CaseIterable, Sendable {
    case en, vi
}
