import InspectCore
import PostgresNIO

/// The center's summary report as one statement, on the views of the `reporting` schema only, so the read-only role
/// runs it. Each part mirrors one of the site's queries (`SummaryQueries`): an inspection counts in the period its
/// reference time falls in; findings count as they stand; PostgreSQL does the counting and summing.
///
/// One statement rather than one per figure: the findings, the costly part, are read once for every figure that
/// needs them (the checks, the violations by type and category, the previous period's), and the report costs one
/// round trip, in one snapshot without a transaction around it. Every part returns rows of the same shape, told
/// apart by their first column (``Part``).
///
/// Parameters: `$1` the sites' names (every site when null), `$2` and `$3` the period's bounds in Unix seconds, `$4`
/// and `$5` the previous period's (which ends where the period starts or earlier), `$6` the starts of the period's
/// local months in Unix seconds, as the report's zone has them.
enum CentralSummaryQueries {
    /// What a row of the statement is part of.
    enum Part: String {
        /// A site of the center, chosen or not: `a` its name.
        case site
        /// Sums over a group of the period's performed inspections (`sums`): all of them when every key is null,
        /// else one site (`a`), one office (`a`, `b`, named `c`), one kind (`d`) or one month (`month`).
        case performed
        /// The previous period's performed inspections, all together (`sums`).
        case previous
        /// Inspections of kind `a` and status `b`: how many, how many had a due time.
        case status
        /// Current findings of the period's performed inspections of violation type `a`: how many.
        case type
        /// The same of the category `a` of the person they name (`office` for the office itself).
        case category
        /// An office in a site's registry during the period: site `a`, code `b`, name `c`.
        case office
        /// Escalations of level `a` raised in the period: how many, how many acknowledged now.
        case escalation
        /// Corrective actions: required in the period, not done by its end, of which past their due time.
        case actions
    }

    /// The sums of ``Part/performed`` and ``Part/previous``, in this order: performed, closed, closed without
    /// violations, staff checked, violations, of which by closed inspections, checks in violation. A closed
    /// inspection's checks found in violation are at most its staff checked, as on the site (`CheckCounts`).
    private static let sums = """
        count(*), count(*) FILTER (WHERE closed), count(*) FILTER (WHERE closed AND violations = 0),
        coalesce(sum(checked) FILTER (WHERE closed), 0)::bigint, coalesce(sum(violations), 0)::bigint,
        coalesce(sum(violations) FILTER (WHERE closed), 0)::bigint,
        coalesce(sum(least(staff, checked)) FILTER (WHERE closed), 0)::bigint
        """

    /// The statement. `inspection` holds the inspections of both periods (the month's index is the period's);
    /// `finding` their current findings, grouped by what any figure needs of them (the staff named, for the distinct
    /// staff and the categories), so what follows reads a few rows per inspection instead of every finding. It joins
    /// the views themselves rather than `inspection`, whose size PostgreSQL cannot guess: over the views it plans
    /// one pass over the findings. The categories are looked up once per staff member named
    /// (`reporting.staff`), not once per finding. `performed` is each performed inspection with its findings and
    /// the distinct staff they name. Surprises and follow-ups not yet due never leave a site; the status part says
    /// so again, should one ever arrive.
    private static let statement = """
        WITH known AS MATERIALIZED (SELECT name FROM reporting.sites),
        chosen AS MATERIALIZED (SELECT name FROM known WHERE $1::text[] IS NULL OR name = ANY($1)),
        inspection AS MATERIALIZED (
            SELECT i.site, i.inspection, i.office, i.office_name, i.kind, i.status, i.due_at,
                i.reference_at >= to_timestamp($2) AS current, i.status IN ('open', 'closed') AS performed,
                width_bucket(extract(epoch FROM i.reference_at)::bigint, $6::bigint[]) - 1 AS month,
                i.status = 'closed' AS closed, coalesce(i.checked, 0)::bigint AS checked
            FROM reporting.inspections i
            WHERE i.site IN (SELECT name FROM chosen)
                AND (i.reference_at >= to_timestamp($2) AND i.reference_at < to_timestamp($3)
                    OR i.reference_at >= to_timestamp($4) AND i.reference_at < to_timestamp($5))
        ),
        finding AS MATERIALIZED (
            SELECT f.site, f.inspection, i.reference_at >= to_timestamp($2) AS current, f.violation, f.staff_badge,
                count(*) AS n
            FROM reporting.findings f JOIN reporting.inspections i ON i.site = f.site AND i.inspection = f.inspection
            WHERE i.site IN (SELECT name FROM chosen) AND i.status IN ('open', 'closed')
                AND (i.reference_at >= to_timestamp($2) AND i.reference_at < to_timestamp($3)
                    OR i.reference_at >= to_timestamp($4) AND i.reference_at < to_timestamp($5))
            GROUP BY f.site, f.inspection, i.reference_at >= to_timestamp($2), f.violation, f.staff_badge
        ),
        performed AS MATERIALIZED (
            SELECT i.site, i.office, i.office_name, i.kind, i.month, i.current, i.closed, i.checked,
                coalesce(f.violations, 0) AS violations, coalesce(f.staff, 0) AS staff
            FROM inspection i
            LEFT JOIN (
                SELECT site, inspection, sum(n)::bigint AS violations, count(DISTINCT staff_badge) AS staff
                FROM finding GROUP BY site, inspection
            ) f ON f.site = i.site AND f.inspection = i.inspection
            WHERE i.performed
        )
        SELECT 'site', name, NULL::text, NULL::text, NULL::text, NULL::integer,
            0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint
        FROM known
        UNION ALL
        SELECT 'performed', site, office, office_name, kind, month, \(sums)
        FROM performed WHERE current
        GROUP BY GROUPING SETS ((), (site), (site, office, office_name), (kind), (month))
        UNION ALL
        SELECT 'previous', NULL, NULL, NULL, NULL, NULL, \(sums) FROM performed WHERE NOT current
        UNION ALL
        SELECT 'status', kind, status, NULL, NULL, NULL, count(*), count(due_at), 0, 0, 0, 0, 0
        FROM inspection WHERE current AND NOT (kind IN ('surprise', 'follow-up') AND status = 'scheduled')
        GROUP BY kind, status
        UNION ALL
        SELECT CASE WHEN grouping(f.violation) = 0 THEN 'type' ELSE 'category' END,
            coalesce(f.violation, coalesce(st.category, 'office')), NULL, NULL, NULL, NULL, sum(f.n)::bigint,
            0, 0, 0, 0, 0, 0
        FROM finding f LEFT JOIN reporting.staff st ON st.site = f.site AND st.badge = f.staff_badge
        WHERE f.current GROUP BY GROUPING SETS ((f.violation), (coalesce(st.category, 'office')))
        UNION ALL
        SELECT 'office', site, code, name, NULL, NULL, 0, 0, 0, 0, 0, 0, 0 FROM reporting.offices
        WHERE site IN (SELECT name FROM chosen) AND (retired_at IS NULL OR retired_at >= to_timestamp($2))
        UNION ALL
        SELECT 'escalation', level, NULL, NULL, NULL, NULL, count(*), count(acknowledged_at), 0, 0, 0, 0, 0
        FROM reporting.escalations
        WHERE site IN (SELECT name FROM chosen) AND raised_at >= to_timestamp($2) AND raised_at < to_timestamp($3)
        GROUP BY level
        UNION ALL
        SELECT 'actions', NULL, NULL, NULL, NULL, NULL, count(*) FILTER (WHERE required_at >= to_timestamp($2)),
            count(*) FILTER (WHERE done_at IS NULL OR done_at >= to_timestamp($3)),
            count(*) FILTER (WHERE (done_at IS NULL OR done_at >= to_timestamp($3)) AND due_at < to_timestamp($3)),
            0, 0, 0, 0
        FROM reporting.corrective_actions
        WHERE site IN (SELECT name FROM chosen) AND required_at < to_timestamp($3)
        """

    /// One row of the statement: its part, its keys (null where the part has none) and its counts.
    struct Row: Sendable {
        var part: Part
        var a: String?
        var b: String?
        var c: String?
        var d: String?
        var month: Int?
        var counts: [Int]
    }

    /// The rows of the report of `period` over `sites` (every site when nil), its months starting at `months`.
    static func rows(
        _ connection: CentralConnection, sites: [String]?, period: ReportPeriod, previous: ReportPeriod,
        months: [Int64]
    ) async throws -> [Row] {
        var binds = PostgresBindings()
        binds.append(sites)
        binds.append(period.from.seconds)
        binds.append(period.to.seconds)
        binds.append(previous.from.seconds)
        binds.append(previous.to.seconds)
        binds.append(months)
        return try await connection.run(PostgresQuery(unsafeSQL: statement, binds: binds)).map { row in
            let (part, a, b, c, d, month) = try row.decode((String, String?, String?, String?, String?, Int?).self)
            guard let part = Part(rawValue: part) else {
                throw CentralError("the center's report has a part '\(part)'", .dataError)
            }
            let counts = try row.makeRandomAccess()[6...].map { Int(try $0.decode(Int64.self)) }
            return Row(part: part, a: a, b: b, c: c, d: d, month: month, counts: counts)
        }
    }
}
