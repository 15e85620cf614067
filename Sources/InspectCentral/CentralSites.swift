import InspectCore
import PostgresNIO

/// Adding a site to the center: its row in `center.site` and its own login, a member of the sites' group.
public enum CentralSites {
    /// A site as `central site-add` created it.
    public struct Added: Sendable {
        public var name: String
        public var recordID: String
        public var login: String
        /// The login's password, generated here; the server only ever receives its SCRAM verifier.
        public var password: String
    }

    /// Creates the login `inspectd_site_NAME` and the site's row, in one transaction.
    ///
    /// - Parameters:
    ///   - name: Lowercase letters, digits and dashes, up to 40 (`lang-son-cao-loc`).
    ///   - recordID: The site's record identity, as the site's `inspectctl status --json` shows it
    ///     (32 hexadecimal digits).
    /// - Throws: ``CentralError``: 65 for a bad name or identity or a site that exists, 77 when the connected user
    ///   may not create roles.
    public static func add(name: String, recordID: String, on connection: CentralConnection) async throws -> Added {
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
        let login = CentralRoles.sitePrefix + name.replacingOccurrences(of: "-", with: "_")
        let password = CentralPassword.generate()
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
                    unsafeSQL: "CREATE ROLE \(login) LOGIN IN ROLE \(CentralRoles.sites) "
                        + "PASSWORD '\(ScramVerifier.make(password: password))'"))
            try await connection.run(
                "INSERT INTO center.site (record_id, name, login) VALUES (\(recordID), \(name), \(login))")
        }
        return Added(name: name, recordID: recordID, login: login, password: password)
    }
}
