import InspectCore
import PostgresNIO

/// Creates or brings up to date the center's schema, as `InspectDatabase.migrator` does the site's: each migration
/// runs once, in its own transaction, and is recorded with its version in `center.schema_version`; running again
/// applies only what is missing. A transaction-scoped advisory lock makes two `central init` at once wait in turn.
public enum CentralMigrator {
    /// One step of the schema's history. Never edited once shipped: centers in the field have run it.
    struct Migration: Sendable {
        var version: Int
        var name: String
        var statements: [String]
    }

    /// What `migrate` did.
    public struct Outcome: Sendable, Equatable, Encodable {
        /// The versions this run applied, in order (empty when the schema was already current).
        public var applied: [Int]
        /// The schema's version afterwards.
        public var current: Int
    }

    /// The latest version this build knows.
    public static var latest: Int { CentralSchema.migrations.last?.version ?? 0 }

    /// The arbitrary key of the advisory lock that serializes migrations.
    private static let lockKey: Int64 = 0x696E_7370_6563_7464

    /// Applies every migration the database lacks.
    ///
    /// - Throws: ``CentralError``; 65 when the database's schema is newer than this build knows.
    public static func migrate(_ connection: CentralConnection) async throws -> Outcome {
        var applied: [Int] = []
        try await connection.transaction { connection in
            try await connection.run("SELECT pg_advisory_xact_lock(\(lockKey))")
            try await connection.run("CREATE SCHEMA IF NOT EXISTS center")
            try await connection.run(
                """
                CREATE TABLE IF NOT EXISTS center.schema_version (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
        }
        let found = try await versions(connection).max() ?? 0
        guard found <= latest else {
            throw CentralError(
                "the center's schema is at version \(found), newer than this inspectctl knows (\(latest))", .dataError)
        }
        for migration in CentralSchema.migrations {
            try await connection.transaction { connection in
                try await connection.run("SELECT pg_advisory_xact_lock(\(lockKey))")
                let rows = try await connection.run(
                    "SELECT 1 FROM center.schema_version WHERE version = \(migration.version)")
                guard rows.isEmpty else { return }
                for statement in migration.statements {
                    try await connection.run(PostgresQuery(unsafeSQL: statement))
                }
                try await connection.run(
                    "INSERT INTO center.schema_version (version, name) VALUES (\(migration.version), \(migration.name))"
                )
                applied.append(migration.version)
            }
        }
        return Outcome(applied: applied, current: try await versions(connection).max() ?? 0)
    }

    /// Refuses a center whose schema is older than this build's: a site's uplink writes, and the central report
    /// reads, what the latest version holds. A center is brought up to date before its sites (`central init` with
    /// the new release); until then the uplink keeps the site's facts and says why in `uplink status`.
    ///
    /// - Throws: ``CentralError`` (78) naming the center's version and the one needed.
    public static func requireCurrent(_ connection: CentralConnection) async throws {
        var found: Int?
        do {
            found =
                try await connection.run("SELECT version FROM reporting.schema_version").first?.decode(Int?.self)
                ?? nil
        } catch let error as CentralError where ["42P01", "42501"].contains(error.sqlState) {
            // A center older than version 6 has no such view, or does not let this login read it.
        }
        guard let found, found >= latest else {
            let state = found.map { "is at version \($0)" } ?? "is older than version 6"
            throw CentralError(
                "the center's schema \(state); this inspectd needs version \(latest): run 'inspectctl central init' at "
                    + "the center with this release", .config)
        }
    }

    /// The versions recorded in the database, in order.
    public static func versions(_ connection: CentralConnection) async throws -> [Int] {
        try await connection.run("SELECT version FROM center.schema_version ORDER BY version").map {
            try $0.decode(Int.self)
        }
    }
}
