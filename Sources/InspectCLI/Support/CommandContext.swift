import Foundation
import InspectCore
import InspectService
import InspectStore
import InspectVarlink

/// What a command needs to do its work: a way to perform operations (in process on a database, or through the
/// daemon's socket), the configuration, and the output settings.
struct CommandContext {
    /// How operations are carried out.
    enum Transport {
        /// Direct mode (`--database` or `$INSPECTD_DATABASE`): in process, as the database's owner.
        case direct(InspectService, Caller)
        /// The daemon's Varlink API; the daemon identifies the caller itself.
        case socket(VarlinkClient)
    }

    /// Whether the command only reads (opens an existing database without migrating it) or writes.
    enum Access {
        case read, write
    }

    let transport: Transport
    let settings: CommandSettings
    private let configuration: ConfigurationSource

    /// In direct mode, loads the configuration first, so a bad one stops the command before the database is touched.
    /// Through the socket the daemon works with its own, and a command reads this one only for the zone its times are
    /// read and shown in: when it first needs it, or first of all for a command that writes and then shows times, so
    /// a bad configuration stops it before anything changes.
    ///
    /// - Parameter showsTimes: Whether the command's output will show times.
    init(_ settings: CommandSettings, access: Access, showsTimes: Bool) throws {
        self.settings = settings
        configuration = ConfigurationSource(settings.configPath)
        switch settings.mode() {
        case .direct(let path):
            let configuration = try configuration.load()
            // One connection: a command performs one operation, and a pool takes longer to open.
            let database = try InspectDatabase.open(
                path: path, mode: access == .write ? .readWrite : .readOnly, connections: .single)
            let service = InspectService(
                database: database, policy: ServicePolicy(configuration: configuration), sink: EventSinks.forCLI(),
                program: "inspectctl", clock: { Instant(Date()) })
            transport = .direct(service, CallerIdentity.current(databasePath: path))
        case .socket(let path):
            if access == .write && showsTimes { _ = try configuration.load() }
            transport = .socket(try Self.connect(path))
        }
    }

    /// The configured zone, which times on the command line are read in and printed in.
    /// - Throws: `InspectError.invalidConfig` when the configuration is not valid.
    var zone: LocalZone {
        get throws { try configuration.load().calendar.zone }
    }

    /// Whether a daemon serves the record, and on which socket: the one the command used, or the nudge socket next to
    /// the database in direct mode.
    var daemon: (running: Bool, socket: String) {
        switch transport {
        case .direct(let service, _):
            (
                DaemonNudge.isListening(databasePath: service.database.path),
                InspectDatabase.nudgePath(for: service.database.path)
            )
        case .socket(let client): (true, client.path)
        }
    }

    /// Parses a time given on the command line, in the configured zone; relative times count from now.
    func instant(_ text: String) throws -> Instant { try TimeParsing.instant(text, in: zone, now: Instant(Date())) }

    /// Performs `operation`, the same way in both modes: same replies, same errors.
    func perform<Op: APIOperation>(_ operation: Op.Type, _ parameters: Op.Parameters) throws -> Op.Reply {
        switch transport {
        case .direct(let service, let caller):
            // A refusal is journaled as the daemon journals one (`APIServer`), before the call is refused.
            do {
                try Op.requireRole(of: caller)
            } catch let error as InspectError {
                service.recordRefusal(caller, method: Op.name, error: error)
                throw error
            }
            let reply = try Op.authorizedPerform(service, as: caller, parameters)
            if Op.writes { DaemonNudge.send(databasePath: service.database.path) }
            return reply
        case .socket(let client):
            return try Self.calling(client, Op.self) { try $0.call($1, parameters: parameters) }
        }
    }

    /// Performs `operation` through the socket with its parameters and reply as Varlink values, which the caller
    /// writes and reads itself, without `Codable` (``LoggedFinding`` says why); nil in direct mode, where there is
    /// no socket and the caller uses `perform`.
    func callSocket<Op: APIOperation>(
        _ operation: Op.Type, _ parameters: [String: VarlinkValue]
    ) throws -> [String: VarlinkValue]? {
        guard case .socket(let client) = transport else { return nil }
        // The return type named, so that the untyped call is chosen over the one that goes through Codable.
        return try Self.calling(client, Op.self) { client, method throws -> [String: VarlinkValue] in
            try client.call(method, parameters: parameters)
        }
    }

    /// Calls `Op`'s method with `body` and gives its errors as the CLI's own.
    private static func calling<Op: APIOperation, Reply>(
        _ client: VarlinkClient, _ operation: Op.Type, _ body: (VarlinkClient, String) throws -> Reply
    ) throws -> Reply {
        do {
            return try body(client, "\(InterfaceDescription.name).\(Op.name)")
        } catch let error as VarlinkError {
            throw translate(error)
        } catch let error as VarlinkClientError {
            // The call may have been carried out before the answer was lost: say so rather than imply it failed.
            let outcome = Op.writes ? "; the change may have been made all the same, so look before trying again" : ""
            throw InspectError.unavailable("the daemon at \(client.path) did not answer: \(error)\(outcome)")
        }
    }

    /// Performs an operation that takes no parameters.
    func perform<Op: APIOperation>(_ operation: Op.Type) throws -> Op.Reply where Op.Parameters == NoParameters {
        try perform(operation, NoParameters())
    }

    /// How long a call through the socket may take. Long: a large import through a busy daemon takes a while, and a
    /// daemon that hangs is killed by systemd's watchdog well before this, which ends the call at once.
    static let callTimeout = Duration.seconds(600)

    private static func connect(_ path: String) throws -> VarlinkClient {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InspectError.unavailable(
                "no inspectd socket at \(path): is the daemon running? (use --database PATH to work on a database "
                    + "directly)")
        }
        do {
            return try VarlinkClient(path: path, timeout: callTimeout)
        } catch {
            throw InspectError.unavailable("cannot reach inspectd at \(path): \(error)")
        }
    }

    /// The daemon's errors as the CLI's own, so both modes print the same and exit the same. An error that is not
    /// io.inspectd's comes from the daemon's machinery, not the record: the daemon is unavailable (69), as when it
    /// does not answer.
    private static func translate(_ error: VarlinkError) -> InspectError {
        let prefix = InterfaceDescription.name + "."
        if error.name.hasPrefix(prefix),
            let parameters = try? error.decodeParameters(as: [String: InspectError.WireValue].self),
            let inspectError = InspectError(
                wireName: String(error.name.dropFirst(prefix.count)), parameters: parameters)
        {
            return inspectError
        }
        return InspectError.unavailable("the daemon failed: \(error)")
    }
}

/// The configuration file a command names (or the default), read once, when the command first needs it.
private final class ConfigurationSource {
    private let file: (path: String, explicit: Bool)
    private var loaded: InspectConfiguration?

    init(_ file: (path: String, explicit: Bool)) {
        self.file = file
    }

    /// - Throws: `InspectError.invalidConfig` with the file and line of the first problem.
    func load() throws -> InspectConfiguration {
        if let loaded { return loaded }
        let configuration = try ConfigLoader.load(path: file.path, explicit: file.explicit)
        loaded = configuration
        return configuration
    }
}
