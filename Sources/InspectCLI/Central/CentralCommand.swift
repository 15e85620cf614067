import ArgumentParser
import Foundation
import InspectCentral

/// `inspectctl central …`: the province's center, a PostgreSQL server that holds every site's facts.
struct CentralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "central", abstract: "Set up the province's center (PostgreSQL) that sites send their facts to.",
        discussion: """
            URL is libpq's form: postgresql://USER@HOST[:PORT]/DATABASE[?PARAMETERS]; a Unix socket's directory is \
            the host written %2Frun%2Fpostgresql, or ?host=/run/postgresql. Parameters, joined with &: \
            sslmode=disable|prefer|require|verify-ca|verify-full (verify-ca checks the server's certificate \
            against the authority, verify-full its host name too); sslrootcert=FILE, the authority to check against \
            in place of the system's; sslcert=FILE and sslkey=FILE, together, a client certificate and its key \
            (PEM) for a server that authenticates by certificate (pg_hba.conf 'hostssl ... cert'), when no \
            password is needed. A file named without a leading / is a credential of the service, in \
            $CREDENTIALS_DIRECTORY. The password is read from a file (--password-file), never from the URL. Exit \
            status: 64 bad URL, 65 bad data, 66 password, certificate or key file unreadable, 69 server \
            unreachable, 77 authentication, permission or TLS handshake refused, 78 a file that is not a \
            certificate or key.
            """,
        subcommands: [CentralInit.self, CentralSiteAdd.self, CentralSiteList.self])
}

/// The connection options every `central` command takes.
struct CentralConnectionOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp("The center's PostgreSQL, as a URL (see 'inspectctl central --help').", valueName: "url"))
    var url: String

    @Option(
        help: ArgumentHelp(
            "Read the password from this file (its first line); without it, no password is sent (enough for a client "
                + "certificate, sslcert= in the URL).", valueName: "file"))
    var passwordFile: String?

    /// Connects, runs `body`, closes; waits for all of it, as the CLI's commands are synchronous. A failure prints
    /// `inspectctl: central VERB: what failed: why` and exits with its code.
    func withConnection<T: Sendable>(
        _ verb: String, _ body: @escaping @Sendable (CentralConnection) async throws -> T
    ) throws -> T {
        try CentralSession.run("central \(verb)", url: url, passwordFile: passwordFile, body)
    }
}

/// One connection to the center for one command: `central …` and `report summary --central`.
enum CentralSession {
    /// Connects to `url` with the password in `passwordFile` (none without it), runs `body`, closes; waits for all
    /// of it, as the CLI's commands are synchronous. A failure prints `inspectctl: COMMAND: what failed: why` and
    /// exits with its code: 64 bad URL, 65 bad data, 66 password file unreadable or no such site, 69 server
    /// unreachable, 77 authentication or permission refused.
    static func run<T: Sendable>(
        _ command: String, url: String, passwordFile: String?,
        _ body: @escaping @Sendable (CentralConnection) async throws -> T
    ) throws -> T {
        let outcome = waitFor {
            let parsed = try CentralURL(url)
            let password = try passwordFile.map { try CentralPassword.read(from: $0) }
            let connection = try await CentralConnection.connect(to: parsed, password: password)
            do {
                let result = try await body(connection)
                await connection.close()
                return result
            } catch {
                await connection.close()
                throw error
            }
        }
        switch outcome {
        case .success(let value): return value
        case .failure(let error as CentralError):
            FileHandle.standardError.write(Data("inspectctl: \(command): \(error)\n".utf8))
            throw ExitCode(error.exitStatus.rawValue)
        case .failure(let error): throw error
        }
    }
}
