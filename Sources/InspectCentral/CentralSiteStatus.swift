import InspectCore
import PostgresNIO

/// A site as the center sees it: how much it has sent, when it last did, and whether it was flagged.
public struct CentralSiteStatus: Sendable, Encodable, Equatable {
    public struct Flag: Sendable, Encodable, Equatable {
        public var at: Instant
        public var reason: String
    }

    public var name: String
    public var record: String
    public var findings: Int64
    public var divergentFindings: Int64
    public var lastBatch: Instant?
    public var flag: Flag?

    /// Every site, by name, from `reporting.sites`.
    public static func list(_ connection: CentralConnection) async throws -> [CentralSiteStatus] {
        try await connection.run(
            """
            SELECT name, record_id, finding_rows, divergent_rows,
                extract(epoch FROM last_batch_at)::bigint, extract(epoch FROM flagged_at)::bigint, flag_reason
            FROM reporting.sites ORDER BY name
            """
        ).map { row in
            let (name, record, findings, divergent, last, flagged, reason) = try row.decode(
                (String, String, Int64, Int64, Int64?, Int64?, String?).self)
            return CentralSiteStatus(
                name: name, record: record, findings: findings, divergentFindings: divergent,
                lastBatch: last.map(Instant.init(seconds:)),
                flag: flagged.map { Flag(at: Instant(seconds: $0), reason: reason ?? "") })
        }
    }
}
