import InspectCore
import PostgresNIO

/// Adding a site to the center: its row in `center.site` and its own login, a member of the sites' group.
public enum CentralSites {
    /// A site as `central site-add` created it.
    public struct Added: Sendable {
        public var name: String
        public var recordID: String
        public var login: String
        /// The login's password, generated here; the server only ever receives its SCRAM verifier. Nil for a site
        /// that logs in with a client certificate.
        public var password: String?
    }

    /// How a site's login proves who it is.
    public enum Credential: Sendable {
        /// A new random password, handed to the site.
        case password
        /// A client certificate whose CN is the login, which PostgreSQL's `cert` method (pg_hba.conf) checks: the
        /// login has no password, so it cannot log in where the server asks for one.
        case certificate
    }

    /// The login of site `name`: `inspectd_site_NAME`, dashes as underscores; a site's client certificate carries it
    /// as its CN.
    public static func login(of name: String) -> String {
        CentralRoles.sitePrefix + name.replacingOccurrences(of: "-", with: "_")
    }

    /// Creates the login `inspectd_site_NAME` and the site's row, in one transaction.
    ///
    /// - Parameters:
    ///   - name: Lowercase letters, digits and dashes, up to 40 (`lang-son-cao-loc`).
    ///   - recordID: The site's record identity, as the site's `inspectctl status --json` shows it
    ///     (32 hexadecimal digits).
    ///   - credential: A password (generated here) or a client certificate (no password).
    /// - Throws: ``CentralError``: 65 for a bad name or identity or a site that exists, 77 when the connected user
    ///   may not create roles.
    public static func add(
        name: String, recordID: String, credential: Credential = .password, on connection: CentralConnection
    ) async throws -> Added {
        guard name.wholeMatch(of: /[a-z0-9][a-z0-9-]{0,39}/) != nil else {
            throw CentralError(
                "site name '\(name)' must be lowercase letters, digits and dashes (up to 40), starting with a letter "
                    + "or digit", .dataError)
        }
        guard recordID.wholeMatch(of: /[0-9a-f]{32}/) != nil else {
            throw CentralError(
                "record identity '\(recordID)' must be 32 lowercase hexadecimal digits (the site's "
                    + "'inspectctl status --json' shows it)", .dataError)
        }
        let login = login(of: name)
        let password = credential == .password ? CentralPassword.generate() : nil
        let passwordClause = password.map { " PASSWORD '\(ScramVerifier.make(password: $0))'" } ?? ""
        try await connection.transaction { connection in
            let existing = try await connection.run(
                "SELECT name FROM center.site WHERE name = \(name) OR record_id = \(recordID) OR login = \(login)")
            if let row = existing.first {
                let other = try row.decode(String.self)
                throw CentralError(
                    "site '\(other)' already has this name, record identity or login", .dataError)
            }
            // Identifiers and the verifier cannot be bound parameters; both are checked above or generated here.
            try await connection.run(
                PostgresQuery(
                    unsafeSQL: "CREATE ROLE \(login) LOGIN IN ROLE \(CentralRoles.sites)" + passwordClause))
            try await connection.run(
                "INSERT INTO center.site (record_id, name, login) VALUES (\(recordID), \(name), \(login))")
        }
        return Added(name: name, recordID: recordID, login: login, password: password)
    }
}
