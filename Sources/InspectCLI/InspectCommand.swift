import ArgumentParser
import Foundation
import InspectCore
import InspectService

/// `inspectctl`: the command line for inspectors and administrators.
public struct InspectCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "inspectctl",
        abstract: "Plan and record discipline inspections of public offices.",
        discussion: """
            Offices and staff form the registry; inspections are visits to one office, and findings are the \
            shortcomings a team records there (late arrival, missing ID badge, …). Findings are append-only and \
            hash-chained: corrections are new rows, and 'inspectctl verify' proves nothing was altered.

            Commands go through the daemon's socket (\(ServicePaths.defaultSocket)); --database PATH works on a \
            database directly instead (direct mode, for the database's owner). Global options (--database, \
            --socket, --config, --json, --lang) may be given before the command or after it.
            Times are local ('2027-02-06 07:52'), ISO 8601 ('2027-02-06T07:52:00+07:00'), or relative to now as \
            journalctl reads them ('-10min', '-2h', '-1d 12h', 'yesterday', 'today', 'now').

            Exit status: 0 success, 64 usage, 65 bad data, 66 no such record or file, 69 daemon unavailable, \
            73 cannot create, 74 I/O error, 75 busy (try again), 77 permission denied, 78 bad configuration.
            """,
        version: "0.1.0",
        subcommands: [
            OfficeCommand.self, StaffCommand.self, ViolationCommand.self, InspectionCommand.self,
            FindingCommand.self, VerifyCommand.self, CalendarCommand.self, HolidaysCommand.self, LunarCommand.self,
            FollowCommand.self, PlanCommand.self, ScheduleCommand.self, StatusCommand.self, BackupCommand.self,
            EscalationCommand.self, ReportCommand.self, ExportCommand.self, WhoAmICommand.self, ManualCommand.self,
            CentralCommand.self, UplinkCommand.self, StandardsCommand.self, TrainingCommand.self, TestsCommand.self,
            ClassificationCommand.self,
        ])

    public init() {}

    /// Parses `arguments`, runs the command and returns the process exit status, printing errors as
    /// `inspectctl: <command>: <why>`.
    /// - Parameter preparedHelp: The help screen of the command named by its words, as the build prepared it
    ///   (``unwrappedHelpScreens()``); nil when it has none.
    public static func run(arguments: [String], preparedHelp: (String) -> String? = { _ in nil }) -> Int32 {
        if let screen = Self.preparedHelp(arguments, from: preparedHelp) {
            // Written as it is: help-screens refuses to prepare a screen with a control character, so escaping it
            // would change nothing; and written as bytes, as `print` casting its argument would scan the
            // conformance records.
            Output.standardOutput(screen + "\n")
            return 0
        }
        if let request = BuiltInRequest(arguments, root: self) {
            Output.standardOutput(request.text(root: self) + "\n")
            return 0
        }
        // The files a command creates (a database in direct mode with its -wal and -shm, a backup, a report) hold
        // secret draws and people's records: readable by their owner only, whatever umask the caller has.
        umask(0o077)
        if let command = QuickArguments.command(arguments) {
            return run(path: type(of: command).path) { try command.run() }
        }
        let normalized = ArgumentOrder.normalize(arguments, root: self)
        return run(path: ArgumentOrder.commandPath(normalized, root: self).joined(separator: " ")) {
            var command = try parseAsRoot(normalized)
            try command.run()
        }
    }

    /// Runs a command, or parses and runs it, and returns the exit status, printing errors as
    /// `inspectctl: <path>: <why>`.
    private static func run(path: String, _ body: () throws -> Void) -> Int32 {
        let label = path.isEmpty ? "inspectctl" : "inspectctl: \(path)"
        do {
            try body()
            return 0
        } catch let error as InspectError {
            Output.error("\(label): \(error)")
            return exitStatus(for: error)
        } catch let error as ExitCode {
            return exitStatus(for: error)
        } catch {
            let code = exitStatus(for: error)
            if code == 0 {
                print(fullMessage(for: error))
                return 0
            }
            let message = message(for: error).trimmingSpaces
            let usage = "\nSee 'inspectctl \(path.isEmpty ? "" : path + " ")--help'."
            Output.error("\(label): \(message.isEmpty ? "\(error)" : message)\(usage)")
            return code
        }
    }

    /// The exit status for an error a command threw or the parser raised: an `InspectError`'s sysexits code, an
    /// `ExitCode` as given, and the parser's own for the rest (64 for a usage error, 0 for `--help`).
    static func exitStatus(for error: any Error) -> Int32 {
        switch error {
        case let error as InspectError: error.exitStatus.rawValue
        case let error as ExitCode: error.rawValue
        default: exitCode(for: error).rawValue
        }
    }
}

/// A command that does its work through the service.
protocol ServiceCommand: ParsableCommand {
    var options: GlobalOptions { get }
    /// Whether the command writes (and may create the database) or only reads.
    static var access: CommandContext.Access { get }
    /// Whether its text output shows times, in the configured zone (its JSON output may always). Through the socket,
    /// a writing command that shows none and takes none does not read the configuration.
    static var showsTimes: Bool { get }
    func execute(_ context: CommandContext) throws
}

extension ServiceCommand {
    static var showsTimes: Bool { true }

    func run() throws { try execute(Self.context(options.settings)) }

    /// The context the command works in, with `settings`.
    static func context(_ settings: CommandSettings) throws -> CommandContext {
        try CommandContext(settings, access: access, showsTimes: settings.json || showsTimes)
    }
}
