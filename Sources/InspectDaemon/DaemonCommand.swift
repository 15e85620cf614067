import ArgumentParser
import Foundation
import InspectCore
import InspectSystemd
import Logging

/// `inspectd`: the service. Started by systemd (`Type=notify`), or by hand for a demonstration.
public struct DaemonCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "inspectd",
        abstract: "The inspectd service: keeps the record of inspections and reports every event to the journal.",
        discussion: """
            Opens (and if needed creates and migrates) the database, sends the events still waiting in its outbox, \
            tells systemd it is ready, and runs until SIGTERM or SIGINT, when it stops cleanly.

            The database is --database, else $INSPECTD_DATABASE, else /var/lib/inspectd/inspectd.db.
            Exit status: 0 after a clean stop, 73/74 when the database cannot be opened.
            """,
        version: "0.1.0")

    @Option(help: ArgumentHelp("The database file.", valueName: "path"))
    var database: String?

    public init() {}

    /// Runs the daemon until it is told to stop; returns the process exit status.
    public static func run(arguments: [String]) -> Int32 {
        let command: DaemonCommand
        do {
            command = try parse(arguments)
        } catch {
            let code = exitCode(for: error).rawValue
            if code == 0 { print(fullMessage(for: error)) } else { Output.error(message(for: error)) }
            return code
        }
        let path = command.database ?? ProcessInfo.processInfo.environment["INSPECTD_DATABASE"]
            ?? "/var/lib/inspectd/inspectd.db"
        var logger = Logger(label: "inspectd")
        logger.logLevel = .info
        let daemon: Daemon
        do {
            daemon = try Daemon(
                settings: Daemon.Settings(databasePath: path), notifier: SystemdNotifier(),
                sink: JournalWriter(identifier: "inspectd"), logger: logger)
        } catch let error as InspectError {
            Output.error(error.description)
            return error.exitStatus.rawValue
        } catch {
            Output.error("\(error)")
            return ExitStatus.failure.rawValue
        }
        daemon.start()
        // The daemon lives until a signal handler exits the process.
        withExtendedLifetime(daemon) { dispatchMain() }
    }
}

/// Messages for the person who started the daemon by hand (systemd captures stderr too).
enum Output {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("inspectd: \(message)\n".utf8))
    }
}
