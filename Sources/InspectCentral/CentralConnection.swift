import Foundation
import InspectCore
import Logging
import PostgresNIO

/// One connection to the center's PostgreSQL, with every failure turned into a ``CentralError`` that says what failed
/// and exits with the matching sysexits code: unreachable 69, authentication 77.
public final class CentralConnection: Sendable {
    public let url: CentralURL
    private let connection: PostgresConnection
    /// postgres-nio logs through swift-log, whose default handler prints to standard error; a command prints only its
    /// own messages.
    private static let logger = Logger(label: "inspectd.central", factory: { _ in SwiftLogNoOpLogHandler() })

    private init(url: CentralURL, connection: PostgresConnection) {
        self.url = url
        self.connection = connection
    }

    /// Connects to `url` as its user, with `password` when the server asks for one.
    public static func connect(to url: CentralURL, password: String?) async throws -> CentralConnection {
        var configuration: PostgresConnection.Configuration
        switch url.endpoint {
        case .socket(let path):
            configuration = .init(unixSocketPath: path, username: url.user, password: password, database: url.database)
        case .tcp(let host, let port):
            configuration = .init(
                host: host, port: port, username: url.user, password: password, database: url.database,
                tls: try tls(url.tls))
        }
        configuration.options.connectTimeout = .seconds(10)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            return CentralConnection(url: url, connection: connection)
        } catch {
            throw translate(error, url: url, doing: "cannot connect to PostgreSQL at \(url.place)")
        }
    }

    private static func tls(_ mode: CentralURL.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        if mode != .verifyFull { tls.certificateVerification = .none }
        do {
            switch mode {
            case .disable: return .disable
            case .prefer: return .prefer(try NIOSSLContext(configuration: tls))
            case .require, .verifyFull: return .require(try NIOSSLContext(configuration: tls))
            }
        } catch {
            throw CentralError("cannot set up TLS: \(error)", .config)
        }
    }

    /// Runs one statement (no parameters, or parameters bound by `PostgresQuery`'s interpolation) and returns its
    /// rows.
    @discardableResult
    public func run(_ query: PostgresQuery) async throws -> [PostgresRow] {
        do {
            var rows: [PostgresRow] = []
            for try await row in try await connection.query(query, logger: Self.logger) { rows.append(row) }
            return rows
        } catch {
            throw Self.translate(error, url: url, doing: "PostgreSQL at \(url.place)")
        }
    }

    /// Runs `statements` in one transaction: all of them or none.
    public func transaction(_ body: (CentralConnection) async throws -> Void) async throws {
        try await run("BEGIN")
        do {
            try await body(self)
            try await run("COMMIT")
        } catch {
            _ = try? await run("ROLLBACK")
            throw error
        }
    }

    public func close() async {
        try? await connection.close()
    }

    /// `error` as one line after `doing`, with its exit status.
    static func translate(_ error: any Error, url: CentralURL, doing: String) -> CentralError {
        if let error = error as? CentralError { return error }
        guard let error = error as? PSQLError else { return CentralError("\(doing): \(error)", .unavailable) }
        if let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            let message = info[.message] ?? "error \(state)"
            switch state {
            // invalid_authorization_specification, invalid_password: the server refused the login.
            case "28000", "28P01": return CentralError("\(doing): \(message)", .noPermission)
            // insufficient_privilege (also a row refused by a row-level security policy).
            case "42501": return CentralError("\(doing): \(message)", .noPermission)
            // The database does not exist; the server is starting, stopping or refusing connections.
            case "3D000", "57P03", "53300": return CentralError("\(doing): \(message)", .unavailable)
            default: return CentralError("\(doing): \(message) (SQLSTATE \(state))", .dataError, sqlState: state)
            }
        }
        switch error.code {
        case .authMechanismRequiresPassword:
            return CentralError("\(doing): the server asks for a password: give --password-file", .noPermission)
        case .unsupportedAuthMechanism, .saslError:
            return CentralError("\(doing): authentication failed (\(error.code))", .noPermission)
        case .sslUnsupported:
            return CentralError("\(doing): the server does not offer TLS (sslmode requires it)", .unavailable)
        default:
            let why = error.underlying.map(reason) ?? "\(error.code)"
            return CentralError("\(doing): \(why)", .unavailable)
        }
    }

    /// Why a connection failed, in the system's words rather than NIO's call sites.
    private static func reason(_ error: any Error) -> String {
        var error = error
        if let failed = error as? NIOConnectionError {
            if let lookup = failed.dnsAError ?? failed.dnsAAAAError {
                return "cannot resolve \(failed.host): \(lookup)"
            }
            if let first = failed.connectionErrors.first?.error { error = first }
        }
        guard let io = error as? IOError else { return String(describing: error) }
        let words = String(cString: strerror(io.errnoCode))
        return [ENOENT, ECONNREFUSED].contains(io.errnoCode) ? "no server is listening (\(words))" : words
    }
}
