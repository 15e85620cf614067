import Foundation
import InspectCore
import InspectService
import InspectStore

/// What a command needs to do its work: the service over the chosen database, the caller, and the output settings.
struct CommandContext {
    let service: InspectService
    let caller: Caller
    let options: GlobalOptions

    /// Whether the command only reads (opens an existing database without migrating it) or writes.
    enum Access {
        case read, write
    }

    /// Loads the configuration first, so a bad one stops the command before the database is touched.
    init(_ options: GlobalOptions, access: Access) throws {
        self.options = options
        let config = options.configPath
        let configuration = try ConfigLoader.load(path: config.path, explicit: config.explicit)
        let path = options.databasePath(configured: configuration.database)
        let database = try InspectDatabase.open(path: path, mode: access == .write ? .readWrite : .readOnly)
        let clock: @Sendable () -> Instant = { Instant(Date()) }
        let sender = OutboxSender(
            database: database, sink: EventSinks.forCLI(), claimant: "inspectctl:\(getpid())", clock: clock)
        service = InspectService(
            database: database, policy: ServicePolicy(configuration: configuration), sender: sender, clock: clock)
        caller = CallerIdentity.current(databasePath: path)
    }

    var zone: LocalZone { service.policy.zone }

    /// Parses a time given on the command line, in the configured zone.
    func instant(_ text: String) throws -> Instant { try TimeParsing.instant(text, in: zone) }
}
