import Foundation
import InspectCore
import Logging
import PostgresNIO
import Synchronization

/// One connection to the center's PostgreSQL, with every failure turned into a ``CentralError`` that says what failed
/// and exits with the matching sysexits code: unreachable 69, authentication or a TLS handshake refused 77.
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

    /// Connects to `url` as its user, with `password` when the server asks for one (none is needed where the server
    /// authenticates the URL's client certificate).
    ///
    /// - Parameter credentialsDirectory: Where the URL's bare file names are looked up (``CredentialFile``): the
    ///   service's `$CREDENTIALS_DIRECTORY`.
    public static func connect(
        to url: CentralURL, password: String?,
        credentialsDirectory: String? = ProcessInfo.processInfo.environment["CREDENTIALS_DIRECTORY"]
    ) async throws -> CentralConnection {
        var configuration: PostgresConnection.Configuration
        switch url.endpoint {
        case .socket(let path):
            configuration = .init(unixSocketPath: path, username: url.user, password: password, database: url.database)
        case .tcp(let host, let port):
            configuration = .init(
                host: host, port: port, username: url.user, password: password, database: url.database,
                tls: try CentralTLS.configuration(for: url, credentialsDirectory: credentialsDirectory))
        }
        configuration.options.connectTimeout = .seconds(10)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            return CentralConnection(url: url, connection: connection)
        } catch {
            throw translate(error, url: url, doing: "cannot connect to PostgreSQL at \(url.place)")
        }
    }

    /// How long one statement may go unanswered before the connection counts as lost: a server gone without closing
    /// the connection (a cut cable, a machine switched off) would otherwise hold the caller for as long as TCP does.
    public static let answerTimeout = Duration.seconds(120)

    /// Runs one statement (no parameters, or parameters bound by `PostgresQuery`'s interpolation) and returns its
    /// rows.
    @discardableResult
    public func run(_ query: PostgresQuery) async throws -> [PostgresRow] {
        // postgres-nio never answers a statement written to a connection that has already closed (the server was
        // killed, say): the caller would wait forever.
        guard !connection.isClosed else {
            throw CentralError("PostgreSQL at \(url.place): the connection was lost", .unavailable)
        }
        let connection = connection
        do {
            return try await Self.answer(within: Self.answerTimeout, place: url.place) {
                var rows: [PostgresRow] = []
                for try await row in try await connection.query(query, logger: Self.logger) { rows.append(row) }
                return rows
            }
        } catch {
            throw Self.translate(error, url: url, doing: "PostgreSQL at \(url.place)")
        }
    }

    /// The result of `body`, or an error once `limit` has passed without one; `body` is then left to end by itself
    /// (the connection is given up).
    private static func answer<T: Sendable>(
        within limit: Duration, place: String, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let outcome = Once<T>()
        return try await withCheckedThrowingContinuation { continuation in
            outcome.set(continuation)
            let timer = Task {
                try await Task.sleep(for: limit)
                outcome.resume(
                    with: .failure(CentralError("PostgreSQL at \(place) did not answer within \(limit)", .unavailable)))
            }
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await body()) } catch { result = .failure(error) }
                timer.cancel()
                outcome.resume(with: result)
            }
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
            case "42501": return CentralError("\(doing): \(message)", .noPermission, sqlState: state)
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
            // The handshake failed: the server's certificate is not trusted, or the server refused the client's.
            if let underlying = error.underlying, underlying is NIOSSLError || underlying is NIOSSLExtraError {
                return CentralError(
                    "\(doing): TLS handshake failed: \(CentralTLS.handshakeFailure(underlying, url: url))",
                    .noPermission)
            }
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

/// A continuation resumed once, by whichever comes first.
private final class Once<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        self.continuation.withLock { $0 = continuation }
    }

    func resume(with result: Result<T, any Error>) {
        continuation.withLock { $0.take() }?.resume(with: result)
    }
}
