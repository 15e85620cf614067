import ArgumentParser
import Foundation
import InspectCore
import InspectService

/// Options every command accepts, before the noun or after the verb (`ArgumentOrder` moves them).
struct GlobalOptions: ParsableArguments {
    /// Where the daemon keeps its database unless its configuration says otherwise.
    static let defaultDatabase = "/var/lib/inspectd/inspectd.db"

    /// Where the daemon's API listens unless `--socket` or `$INSPECTD_SOCKET` says otherwise.
    static let defaultSocket = "/run/inspectd/io.inspectd"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Work on this database directly, without the daemon (direct mode, for its owner and for tests).",
            discussion: "Also $INSPECTD_DATABASE. Without either, commands go through the daemon's socket.",
            valueName: "path"))
    var database: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Talk to the daemon on this socket (the default mode).",
            discussion: "Default: $INSPECTD_SOCKET, else \(defaultSocket).", valueName: "path"))
    var socket: String?

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

    /// How commands reach the record.
    enum Mode: Equatable {
        case direct(database: String)
        case socket(String)
    }

    /// Direct mode when a database is named (`--database`, `$INSPECTD_DATABASE`); otherwise the daemon's socket.
    func mode() -> Mode {
        let environment = ProcessInfo.processInfo.environment
        if let database = database ?? environment["INSPECTD_DATABASE"] { return .direct(database: database) }
        return .socket(socket ?? environment["INSPECTD_SOCKET"] ?? Self.defaultSocket)
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
