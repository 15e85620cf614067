import ArgumentParser
import Foundation
import InspectCentral
import InspectCore
import InspectService

/// `inspectctl uplink send`
struct UplinkSend: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "Send what waits to the center now, and wait until it is sent.",
        discussion: """
            For administrators, on a database directly (--database): where the daemon runs it sends by itself. \
            Uses [Uplink] of inspectd.conf; --url and --password-file stand in for URL= and PasswordFile=. A URL \
            with sslcert= and sslkey= logs in with that client certificate and needs no password (URL parameters: \
            'inspectctl central --help'). Sending \
            twice sends nothing twice: the center keeps how far the site has sent. Exit status: 65 the center \
            holds a record this one does not continue (restored from an older backup: see 'central sites'), 69 \
            center unreachable, 77 login or TLS handshake refused, 78 the login belongs to another record or a \
            certificate or key file holds none.
            """)
    static let access = CommandContext.Access.write

    @Option(help: ArgumentHelp("The center, in place of [Uplink] URL=.", valueName: "url")) var url: String?
    @Option(help: ArgumentHelp("Read the site login's password from this file.", valueName: "file"))
    var passwordFile: String?
    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        guard case .direct(let service, let caller) = context.transport else {
            throw InspectError.invalidInput(
                "uplink send works on a database directly (--database); the daemon sends by itself when [Uplink] "
                    + "is configured")
        }
        guard caller.role >= .admin else {
            throw InspectError.permissionDenied(
                "uplink send needs the admin role (root or group \(Role.adminGroup)); \(caller.user) is not")
        }
        let settings = service.policy.configuration.uplink
        guard let text = url ?? settings?.url else {
            throw InspectError.invalidInput("no center: give --url or set [Uplink] URL= in inspectd.conf")
        }
        let passwordFile = passwordFile
        let outcome = waitFor {
            let password =
                try passwordFile.map { try CentralPassword.read(from: $0) }
                ?? settings?.password(
                    credentialsDirectory: ProcessInfo.processInfo.environment["CREDENTIALS_DIRECTORY"])
            let uplink = Uplink(
                database: service.database, url: try CentralURL(text), password: password,
                batchSize: settings?.batchSize ?? 2000, clock: service.clock)
            return try await uplink.drain()
        }
        switch outcome {
        case .success(let sent):
            if options.json {
                try Output.json(UplinkSent(sent), zone: try context.zone)
            } else {
                print("sent \(sent.facts) facts in \(sent.batches) batches")
            }
            // Sent, but kept apart at the center: a state for people to look into, not a success.
            if let diverged = sent.diverged {
                FileHandle.standardError.write(Data("inspectctl: uplink send: diverged: \(diverged)\n".utf8))
                throw ExitCode(ExitStatus.dataError.rawValue)
            }
        case .failure(let error as CentralError):
            FileHandle.standardError.write(Data("inspectctl: uplink send: \(error)\n".utf8))
            throw ExitCode(error.exitStatus.rawValue)
        case .failure(let error): throw error
        }
    }
}

private struct UplinkSent: Encodable {
    var facts: Int
    var batches: Int
    var diverged: String?

    init(_ outcome: Uplink.Outcome) {
        facts = outcome.facts
        batches = outcome.batches
        diverged = outcome.diverged
    }
}
