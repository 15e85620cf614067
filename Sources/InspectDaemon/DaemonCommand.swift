import ArgumentParser
import Foundation
import InspectCore
import InspectService
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

            The configuration is --config, else $INSPECTD_CONFIG, else \(ServicePaths.defaultConfig) (compiled \
            defaults when that file is absent), with drop-ins in inspectd.conf.d/ and holidays in holidays.d/.
            The database is --database, else $INSPECTD_DATABASE, else Database= in [Daemon], else \
            \(ServicePaths.defaultDatabase). The Varlink API (io.inspectd) listens on the socket systemd passes \
            (inspectd.socket), else on --socket, $INSPECTD_SOCKET or \(ServicePaths.defaultSocket).

            Exit status: 0 after a clean stop, 73/74 when the database cannot be opened, 78 when the configuration \
            is invalid (systemd then does not restart it: RestartPreventExitStatus=78).
            """,
        version: "0.1.0")

    @Option(help: ArgumentHelp("The configuration file.", valueName: "path"))
    var config: String?

    @Option(help: ArgumentHelp("The database file.", valueName: "path"))
    var database: String?

    @Option(help: ArgumentHelp("Where the Varlink API listens when systemd passes no socket.", valueName: "path"))
    var socket: String?

    @Flag(help: "Check the configuration, print a summary and exit: 0 when valid, 78 when not.")
    var checkConfig = false

    public init() {}

    /// Runs the daemon until it is told to stop; returns the process exit status.
    public static func run(arguments: [String]) -> Int32 {
        // The record and its -wal and -shm are the service's alone, also when it is started by hand with a lax umask
        // (the unit sets UMask=0077 too); the API socket's mode is set explicitly.
        umask(0o077)
        let command: DaemonCommand
        do {
            command = try parse(arguments)
        } catch {
            let code = exitCode(for: error).rawValue
            if code == 0 { print(fullMessage(for: error)) } else { Console.error(message(for: error)) }
            return code
        }
        let environment = ProcessInfo.processInfo.environment
        let paths = ServicePaths(environment: environment)
        let config = paths.config(flag: command.config)
        let configuration: InspectConfiguration
        do {
            configuration = try ConfigLoader.load(path: config.path, explicit: config.explicit)
        } catch let error as InspectError {
            Console.error(error.description)
            return error.exitStatus.rawValue
        } catch {
            Console.error("\(error)")
            return ExitStatus.config.rawValue
        }
        DaemonLogHandler.zone.withLock { $0 = configuration.calendar.zone }
        if command.checkConfig {
            let calendar = configuration.calendar
            let rules = configuration.escalation.enabled.count
            print(
                "Configuration is valid: time zone \(calendar.zone), hours profiles "
                    + calendar.profileNames.joined(separator: ", ")
                    + ", \(rules) escalation rule\(rules == 1 ? "" : "s")")
            return ExitStatus.success.rawValue
        }
        let path = paths.database(flag: command.database, configured: configuration.database)
        blockHandledSignals()
        var logger = Logger(label: "inspectd")
        logger.logLevel = .info
        let daemon: Daemon
        do {
            daemon = try Daemon(
                settings: Daemon.Settings(
                    databasePath: path, configPath: config.path, configExplicit: config.explicit,
                    socketPath: paths.socket(flag: command.socket),
                    refusalInterval: environment["INSPECTD_REFUSAL_INTERVAL"].flatMap(Int64.init)
                        .map { min(max($0, 1), 3600) } ?? RefusalTally.defaultInterval),
                configuration: configuration, notifier: SystemdNotifier(),
                sink: JournalWriter(identifier: "inspectd", fallback: DaemonLogHandler.writeEvent),
                logger: logger)
        } catch let error as InspectError {
            Console.error(error.description)
            if case .integrity = error {
                // Straight to the journal: the outbox lives in the database that failed.
                JournalWriter(identifier: "inspectd").send(
                    Event(
                        kind: .integrityFailure, message: "inspectd will not start: \(error)",
                        fields: ["DATABASE": path]))
            }
            return error.exitStatus.rawValue
        } catch {
            Console.error("\(error)")
            return ExitStatus.failure.rawValue
        }
        do {
            try daemon.start()
        } catch {
            Console.error("cannot serve the API: \(error)")
            return ExitStatus.cantCreate.rawValue
        }
        // The daemon lives until a signal handler exits the process. The main thread only waits: `dispatchMain()`
        // would turn it into libdispatch's signal thread, whose handler AddressSanitizer cannot follow.
        withExtendedLifetime(daemon) { () -> Never in
            while true { pause() }
        }
    }

    /// The daemon's signals reach it through Dispatch signal sources, which on Linux read a signalfd: it sees a signal
    /// only while every thread blocks it. Blocking them here, before Dispatch starts any thread, lets every later
    /// thread inherit the mask, so no thread is ever interrupted and each signal is handled on the daemon's queue.
    private static func blockHandledSignals() {
        var handled = sigset_t()
        sigemptyset(&handled)
        for signalNumber in [SIGTERM, SIGINT, SIGHUP, SIGUSR2] { sigaddset(&handled, signalNumber) }
        pthread_sigmask(SIG_BLOCK, &handled, nil)
    }
}

/// Messages for the person who started the daemon by hand (systemd captures stderr too).
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("inspectd: \(TerminalText.escaped(message, layout: .lines))\n".utf8))
    }
}
