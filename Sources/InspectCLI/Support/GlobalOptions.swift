import ArgumentParser
import Foundation
import InspectCore
import InspectService

/// Options every command accepts, before the noun or after the verb (`ArgumentOrder` moves them).
struct GlobalOptions: ParsableArguments {
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
            discussion: "Default: $INSPECTD_SOCKET, else \(ServicePaths.defaultSocket).", valueName: "path"))
    var socket: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The configuration file (working hours, holidays); drop-ins in PATH.d/.",
            discussion: "Default: $INSPECTD_CONFIG, else \(ServicePaths.defaultConfig) (compiled defaults if absent).",
            valueName: "path"))
    var config: String?

    @Flag(name: .long, help: "Print machine-readable JSON instead of a table.")
    var json = false

    @Option(name: .long, help: "Language of names and labels: en or vi (default: from $LANG).")
    var lang: Language?

    /// The global options that take a value: `ArgumentOrder` moves them, `QuickArguments` reads them.
    static let valued = ["--database", "--socket", "--config", "--lang"]
    /// The global flag.
    static let jsonFlag = "--json"

    /// Their values, for the command to use.
    var settings: CommandSettings {
        CommandSettings(database: database, socket: socket, config: config, json: json, lang: lang)
    }
}

/// The global options' values, and what they mean: where the record is, the configuration, the output.
///
/// Plain values rather than ArgumentParser's property wrappers, so a command read without ArgumentParser
/// (`QuickArguments`) has them without creating any: the first wrapper a program creates costs it a scan of the
/// runtime's conformance records.
struct CommandSettings: Equatable, Sendable {
    var database: String?
    var socket: String?
    var config: String?
    var json = false
    var lang: Language?

    /// Sets the global option `name`, one of ``GlobalOptions/valued``, to `value` as ArgumentParser would; false
    /// when `name` is not one of them or the value does not convert.
    mutating func set(_ name: String, _ value: String) -> Bool {
        switch name {
        case "--database": database = value
        case "--socket": socket = value
        case "--config": config = value
        case "--lang":
            guard let language = Language(argument: value) else { return false }
            lang = language
        default: return false
        }
        return true
    }

    /// How commands reach the record.
    enum Mode: Equatable {
        case direct(database: String)
        case socket(String)
    }

    /// Direct mode when a database is named (`--database`, `$INSPECTD_DATABASE`); otherwise the daemon's socket.
    func mode(_ paths: ServicePaths = ServicePaths()) -> Mode {
        if let database = paths.namedDatabase(flag: database) { return .direct(database: database) }
        return .socket(paths.socket(flag: socket))
    }

    /// The configuration file to read, and whether the user named it (then it must exist).
    var configPath: (path: String, explicit: Bool) { ServicePaths().config(flag: config) }

    /// The database `backup` copies: the one named, else the daemon's (``ServicePaths/database(flag:configured:)``).
    func daemonDatabase(configured: String?) -> String {
        ServicePaths().database(flag: database, configured: configured)
    }

    /// The language to show names in.
    var language: Language {
        lang ?? (getenv("LANG").map { String(cString: $0).lowercased().hasPrefix("vi") } == true ? .vi : .en)
    }
}
