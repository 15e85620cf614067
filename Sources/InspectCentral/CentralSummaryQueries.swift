import InspectCore
import PostgresNIO

/// The statements of the center's summary report, on the views of the `reporting` schema only, so the read-only
/// role runs them. Each mirrors one of the site's (`SummaryQueries`): an inspection counts in the period its
/// reference time falls in; findings count as they stand; PostgreSQL does the counting and summing, and returns one
/// row per group.
///
/// Parameters: `$1` the sites' names, `$2` and `$3` the period's bounds in Unix seconds, `$4` (where used) the
/// starts of the period's local months in Unix seconds, as the report's zone has them.
enum CentralSummaryQueries {
    /// The inspections of the chosen sites in the period.
    private static let inPeriod = """
        i.site = ANY($1) AND i.reference_at >= to_timestamp($2) AND i.reference_at < to_timestamp($3)
        """

    /// Inspections opened in the period (perhaps closed since).
    private static let performed = "i.status IN ('open', 'closed')"

    /// The sites and period a statement reads.
    struct Scope: Sendable {
        var sites: [String]
        var period: ReportPeriod
    }

    /// `sql` with the scope as `$1`–`$3`, and the months as `$4` when given.
    private static func query(_ sql: String, _ scope: Scope, months: [Int64]? = nil) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(scope.sites)
        binds.append(scope.period.from.seconds)
        binds.append(scope.period.to.seconds)
        if let months { binds.append(months) }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// The center's sites, by name.
    static func sites(_ connection: CentralConnection) async throws -> [String] {
        try await connection.run("SELECT name FROM reporting.sites ORDER BY name").map { try $0.decode(String.self) }
    }

    /// Inspections by kind and status, with how many had a due time. Surprises and follow-ups not yet due never
    /// leave a site; the condition says so again, should one ever arrive.
    static func statusCounts(
        _ connection: CentralConnection, _ scope: Scope
    ) async throws -> [(kind: String, status: String, count: Int, planned: Int)] {
        let sql = """
            SELECT i.kind, i.status, count(*)::bigint, count(i.due_at)::bigint FROM reporting.inspections i
            WHERE \(inPeriod) AND NOT (i.kind IN ('surprise', 'follow-up') AND i.status = 'scheduled')
            GROUP BY i.kind, i.status
            """
        return try await connection.run(query(sql, scope)).map { row in
            let (kind, status, count, planned) = try row.decode((String, String, Int64, Int64).self)
            return (kind, status, Int(count), Int(planned))
        }
    }

    /// Sums over one group of performed inspections: all of them when every key is nil, else those of one site, one
    /// office (site and office), one kind or one month.
    struct PerformedGroup: Sendable {
        var site: String?
        var office: String?
        var officeName: String?
        var kind: String?
        /// The local month, as its index in the months given (from 0).
        var month: Int?
        var totals: PerformedTotals
    }

    /// The inspections performed in the period, summed all together, by site, by office, by kind and by month.
    /// Each inspection's current findings and the distinct staff they name are counted first; a closed
    /// inspection's checks found in violation are at most its staff checked, as on the site (`CheckCounts`).
    static func performed(
        _ connection: CentralConnection, _ scope: Scope, months: [Int64]
    ) async throws -> [PerformedGroup] {
        let sql = """
            SELECT site, office, office_name, kind, month,
                count(*)::bigint, count(*) FILTER (WHERE closed)::bigint,
                count(*) FILTER (WHERE closed AND violations = 0)::bigint,
                coalesce(sum(checked) FILTER (WHERE closed), 0)::bigint, coalesce(sum(violations), 0)::bigint,
                coalesce(sum(violations) FILTER (WHERE closed), 0)::bigint,
                coalesce(sum(least(staff, checked)) FILTER (WHERE closed), 0)::bigint
            FROM (
                SELECT i.site, i.office, i.office_name, i.kind,
                    width_bucket(extract(epoch FROM i.reference_at)::bigint, $4::bigint[]) - 1 AS month,
                    i.status = 'closed' AS closed, coalesce(i.checked, 0)::bigint AS checked,
                    count(f.finding) AS violations, count(DISTINCT f.staff_badge) AS staff
                FROM reporting.inspections i
                LEFT JOIN reporting.findings f ON f.site = i.site AND f.inspection = i.inspection
                WHERE \(inPeriod) AND \(performed)
                GROUP BY i.site, i.inspection, i.office, i.office_name, i.kind, i.reference_at, i.status, i.checked
            ) p
            GROUP BY GROUPING SETS ((), (site), (site, office, office_name), (kind), (month))
            """
        return try await connection.run(query(sql, scope, months: months)).map { row in
            // The keys are never null in a group that has them: a null key is a key the group leaves out.
            let (site, office, officeName, kind, month) = try row.decode(
                (String?, String?, String?, String?, Int?).self)
            let sums = try row.makeRandomAccess()[5...].map { Int(try $0.decode(Int64.self)) }
            // performed, closed, closed without violations, staff checked, violations, of which by closed
            // inspections, checks in violation.
            let checks = CheckCounts(
                closedInspections: sums[1], inspectionsWithoutViolations: sums[2], staffChecked: sums[3],
                violations: sums[5], staffWithViolations: sums[6])
            return PerformedGroup(
                site: site, office: office, officeName: officeName, kind: kind, month: month,
                totals: PerformedTotals(inspections: sums[0], violations: sums[4], checks: checks))
        }
    }

    /// Current findings of the period's performed inspections, by violation type and by the category of the person
    /// they name (`office` for a finding about the office itself).
    static func violations(
        _ connection: CentralConnection, _ scope: Scope
    ) async throws -> (byType: [String: Int], byCategory: [String: Int]) {
        let sql = """
            SELECT f.violation, f.category, count(*)::bigint
            FROM reporting.inspections i JOIN reporting.findings f ON f.site = i.site AND f.inspection = i.inspection
            WHERE \(inPeriod) AND \(performed)
            GROUP BY GROUPING SETS ((f.violation), (f.category))
            """
        var byType: [String: Int] = [:]
        var byCategory: [String: Int] = [:]
        for row in try await connection.run(query(sql, scope)) {
            let (violation, category, count) = try row.decode((String?, String?, Int64).self)
            if let violation { byType[violation] = Int(count) }
            if let category { byCategory[category] = Int(count) }
        }
        return (byType, byCategory)
    }

    /// Offices in the sites' registries during the period (active, or retired after it started): site, code, name.
    static func offices(
        _ connection: CentralConnection, _ scope: Scope
    ) async throws -> [(site: String, code: String, name: String)] {
        let sql = """
            SELECT site, code, name FROM reporting.offices
            WHERE site = ANY($1) AND (retired_at IS NULL OR retired_at >= to_timestamp($2))
            """
        var binds = PostgresBindings()
        binds.append(scope.sites)
        binds.append(scope.period.from.seconds)
        return try await connection.run(PostgresQuery(unsafeSQL: sql, binds: binds)).map {
            try $0.decode((String, String, String).self)
        }
    }

    /// Escalations raised in the period, by level, with how many are acknowledged now.
    static func escalations(
        _ connection: CentralConnection, _ scope: Scope
    ) async throws -> [(level: String, count: Int, acknowledged: Int)] {
        let sql = """
            SELECT level, count(*)::bigint, count(acknowledged_at)::bigint FROM reporting.escalations
            WHERE site = ANY($1) AND raised_at >= to_timestamp($2) AND raised_at < to_timestamp($3)
            GROUP BY level
            """
        return try await connection.run(query(sql, scope)).map { row in
            let (level, count, acknowledged) = try row.decode((String, Int64, Int64).self)
            return (level, Int(count), Int(acknowledged))
        }
    }

    /// Corrective actions required in the period, and those not done by its end (of which past their due time).
    static func actions(
        _ connection: CentralConnection, _ scope: Scope
    ) async throws -> ActionCounts {
        let sql = """
            SELECT count(*) FILTER (WHERE required_at >= to_timestamp($2))::bigint,
                count(*) FILTER (WHERE done_at IS NULL OR done_at >= to_timestamp($3))::bigint,
                count(*) FILTER (WHERE (done_at IS NULL OR done_at >= to_timestamp($3)) AND due_at < to_timestamp($3))
                    ::bigint
            FROM reporting.corrective_actions WHERE site = ANY($1) AND required_at < to_timestamp($3)
            """
        let rows = try await connection.run(query(sql, scope))
        guard let row = rows.first else { return ActionCounts(required: 0, open: 0, overdue: 0) }
        let (required, open, overdue) = try row.decode((Int64, Int64, Int64).self)
        return ActionCounts(required: Int(required), open: Int(open), overdue: Int(overdue))
    }
}
