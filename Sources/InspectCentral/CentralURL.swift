import Foundation
import InspectCore

/// Where the center's PostgreSQL is and how to reach it, from a libpq-style URL:
/// `postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=MODE&sslcert=FILE&sslkey=FILE&sslrootcert=FILE]`. A host that
/// starts with `/` (written `%2F…`, or given as `?host=/run/postgresql`) is the directory of the server's Unix socket,
/// as with `psql`.
///
/// A password in the URL is refused: a URL shows in `ps` and in shell histories; the password is read from a file.
public struct CentralURL: Sendable, Equatable {
    /// How the connection is made: TCP to a host and port, or the socket `.s.PGSQL.PORT` in a directory.
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        case socket(path: String)
    }

    /// libpq's `sslmode`, the modes inspectd supports. `prefer` and `require` encrypt without checking the server's
    /// certificate (as libpq does, unless `sslrootcert` names an authority: then they check the chain as `verify-ca`
    /// does); `verify-ca` checks the server's chain against the authority but not its name; `verify-full` checks both.
    /// The authority is `sslrootcert` when given, the system's trusted ones otherwise.
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// The files libpq's `sslcert`, `sslkey` and `sslrootcert` name, as written: a relative name is a credential in
    /// `$CREDENTIALS_DIRECTORY`, resolved where the connection is made (``CredentialFile``).
    public struct TLSFiles: Sendable, Equatable {
        /// The client's certificate (PEM, the chain the server checks): `sslcert`. Given with ``key`` or not at all.
        public var certificate: String?
        /// The client certificate's private key (PEM): `sslkey`.
        public var key: String?
        /// The authority the server's certificate must chain to (PEM): `sslrootcert`.
        public var authority: String?

        public init(certificate: String? = nil, key: String? = nil, authority: String? = nil) {
            self.certificate = certificate
            self.key = key
            self.authority = authority
        }
    }

    public var endpoint: Endpoint
    public var user: String
    public var database: String
    public var tls: TLSMode
    public var tlsFiles: TLSFiles

    /// Parses `text`.
    ///
    /// - Throws: ``CentralError`` (exit 64) naming what is wrong.
    public init(_ text: String) throws {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme, ["postgresql", "postgres"].contains(scheme)
        else { throw CentralError.badURL(text, "expected postgresql://USER@HOST[:PORT]/DATABASE") }
        if components.password != nil {
            throw CentralError.badURL(text, "put the password in a file (--password-file), not in the URL")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard let value = item.value, Self.parameters.contains(item.name) else {
                let known = Self.parameters.joined(separator: ", ")
                throw CentralError.badURL(text, "unknown parameter '\(item.name)' (\(known))")
            }
            guard !value.isEmpty else { throw CentralError.badURL(text, "parameter '\(item.name)' is empty") }
            query[item.name] = value
        }
        guard let user = query["user"] ?? components.percentEncodedUser?.removingPercentEncoding, !user.isEmpty
        else { throw CentralError.badURL(text, "no user (postgresql://USER@HOST/DATABASE)") }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard let database = query["dbname"] ?? (path.isEmpty ? nil : path), !database.contains("/") else {
            throw CentralError.badURL(text, "no database (postgresql://USER@HOST/DATABASE)")
        }
        var port = components.port ?? 5432
        if let given = query["port"] {
            guard let number = Int(given) else { throw CentralError.badURL(text, "port '\(given)' is not a number") }
            port = number
        }
        guard (1...65535).contains(port) else { throw CentralError.badURL(text, "port \(port) is out of range") }
        let host = query["host"] ?? components.percentEncodedHost?.removingPercentEncoding ?? ""
        if host.hasPrefix("/") {
            endpoint = .socket(path: "\(host)/.s.PGSQL.\(port)")
        } else if host.isEmpty {
            throw CentralError.badURL(
                text, "no host (a name, an address, or a socket directory as %2Frun%2Fpostgresql)")
        } else {
            endpoint = .tcp(host: host, port: port)
        }
        if let mode = query["sslmode"] {
            guard let parsed = TLSMode(rawValue: mode) else {
                let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw CentralError.badURL(text, "sslmode '\(mode)' is not one of \(modes)")
            }
            if case .socket = endpoint, parsed != .disable {
                throw CentralError.badURL(text, "a Unix socket does not use TLS: sslmode must be disable")
            }
            tls = parsed
        } else {
            // libpq's default on TCP; a socket stays on the machine.
            if case .socket = endpoint { tls = .disable } else { tls = .prefer }
        }
        tlsFiles = TLSFiles(certificate: query["sslcert"], key: query["sslkey"], authority: query["sslrootcert"])
        try Self.check(tlsFiles, mode: tls, endpoint: endpoint, text: text)
        self.user = user
        self.database = database
    }

    private static let parameters = ["host", "port", "user", "dbname", "sslmode", "sslcert", "sslkey", "sslrootcert"]

    /// Refuses TLS files that could not be used: a certificate without its key (or a key alone), and any of them
    /// where no TLS is made (a socket, `sslmode=disable`), which would otherwise be ignored without a word.
    private static func check(_ files: TLSFiles, mode: TLSMode, endpoint: Endpoint, text: String) throws {
        switch (files.certificate, files.key) {
        case (.some, nil): throw CentralError.badURL(text, "sslcert needs sslkey, the certificate's private key")
        case (nil, .some): throw CentralError.badURL(text, "sslkey needs sslcert, the certificate it belongs to")
        default: break
        }
        let given = [("sslcert", files.certificate), ("sslkey", files.key), ("sslrootcert", files.authority)]
            .filter { $0.1 != nil }.map(\.0)
        guard let first = given.first else { return }
        if case .socket = endpoint {
            throw CentralError.badURL(text, "a Unix socket does not use TLS: \(first) cannot be used")
        }
        if mode == .disable { throw CentralError.badURL(text, "\(first) needs TLS, and sslmode is disable") }
    }

    /// Where the server is, for messages: `/run/postgresql/.s.PGSQL.5432` or `center.example:5432`.
    public var place: String {
        switch endpoint {
        case .tcp(let host, let port): "\(host):\(port)"
        case .socket(let path): path
        }
    }
}
