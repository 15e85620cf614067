import InspectCore
import PostgresNIO

/// The summary report over the center's sites: the same ``SummaryReport`` a site makes of its own record
/// (`InspectService.summaryReport`), computed by PostgreSQL over the facts the sites sent, for every site or a
/// chosen few. For one site it is that site's report number for number, once the site has sent what it holds; the
/// report adds which sites it covers (``SiteCoverage``), and can break the figures down by site.
///
/// Office codes are each site's own: a report over several sites names an office `site/code`, a report over one
/// site by its code alone, as the site does. The names and severities of violation types are those this program
/// ships (`ViolationType.defaults`), which every site is seeded with; the center holds no catalogue of its own.
public enum CentralSummary {
    /// The report of `period` over `sites` (every site when nil), with `breakdowns` in that order.
    ///
    /// - Parameter zone: The zone the period's days and months are read in.
    /// - Throws: ``CentralError``: 66 for a site the center does not have, 65 for a finding of a violation type
    ///   this program does not know, 78 for a center whose schema is older than this program's.
    public static func report(
        _ connection: CentralConnection, period: ReportPeriod, breakdowns: [BreakdownDimension], sites: [String]?,
        zone: LocalZone
    ) async throws -> SummaryReport {
        try await CentralMigrator.requireCurrent(connection)
        let months = period.months(in: zone)
        let previousPeriod = period.previous(in: zone)
        let rows = try await CentralSummaryQueries.rows(
            connection, sites: sites, period: period, previous: previousPeriod, months: starts(of: months, zone))
        let parts = Dictionary(grouping: rows, by: \.part)
        let chosen = try choose(sites, from: (parts[.site] ?? []).compactMap(\.a).sorted())
        let inspections = try statusCounts(parts[.status] ?? [])
        let violations = try violationCounts(counts(parts[.type]))
        let byCategory = counts(parts[.category])
        let naming = OfficeNaming(oneSite: chosen.count == 1)
        let scopeOffices = (parts[.office] ?? []).map {
            OfficeName(code: naming.key($0.a ?? "", $0.b ?? ""), name: $0.c ?? "")
        }.sorted { $0.code < $1.code }
        let groups = PerformedGroups(parts[.performed] ?? [], naming: naming)
        let offices = OfficeCoverage(
            offices: scopeOffices.count, covered: scopeOffices.filter { groups.byOffice[$0.code] != nil }.count,
            notInspected: scopeOffices.filter { groups.byOffice[$0.code] == nil })
        let trend = ReportTrend(
            current: PeriodFigures(inspections: inspections, checks: groups.total.checks, violations: violations.total),
            previous: PeriodFigures(parts[.previous]?.first.map { PerformedTotals(sums: $0.counts) } ?? .none))
        let tables = breakdowns.map { dimension -> ReportBreakdown in
            switch dimension {
            case .site:
                return ReportBreakdown(by: .site, rows: chosen.map { groups.row(groups.bySite, $0, name: nil) })
            case .office:
                // Offices in scope, and any other office an inspection of the period reached.
                var names = Dictionary(scopeOffices.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
                names.merge(groups.officeNames) { scoped, _ in scoped }
                return ReportBreakdown(
                    by: .office, rows: names.keys.sorted().map { groups.row(groups.byOffice, $0, name: names[$0]) })
            case .month:
                return ReportBreakdown(
                    by: .month,
                    rows: months.indices.map { groups.row(groups.byMonth, $0, key: months[$0].description) })
            case .kind:
                return ReportBreakdown(
                    by: .kind, rows: InspectionKind.allCases.map { groups.row(groups.byKind, $0.rawValue, name: nil) })
            case .type:
                return ReportBreakdown(
                    by: .type, rows: violations.byType.map { BreakdownRow(key: $0.code, violations: $0.count) })
            case .category:
                return ReportBreakdown(
                    by: .category,
                    rows: ReportBreakdown.categories.map { BreakdownRow(key: $0, violations: byCategory[$0] ?? 0) })
            }
        }
        let escalations = (parts[.escalation] ?? []).map {
            (level: $0.a ?? "", count: $0.counts[0], acknowledged: $0.counts[1])
        }
        let actions = parts[.actions]?.first.map {
            ActionCounts(required: $0.counts[0], open: $0.counts[1], overdue: $0.counts[2])
        }
        return SummaryReport(
            period: period, previousPeriod: previousPeriod, zone: zone.identifier, inspections: inspections,
            offices: offices, checks: groups.total.checks, violations: violations, trend: trend, breakdowns: tables,
            escalations: EscalationCounts(levels: escalations),
            correctiveActions: actions ?? ActionCounts(required: 0, open: 0, overdue: 0),
            sites: SiteCoverage(sites: chosen, notInspected: chosen.filter { groups.bySite[$0] == nil }))
    }

    /// The sites asked for, in order of name, each once; every site when none are named.
    private static func choose(_ names: [String]?, from known: [String]) throws -> [String] {
        guard let names else { return known }
        let knownSet = Set(known)
        if let unknown = names.first(where: { !knownSet.contains($0) }) {
            let list = known.isEmpty ? "none yet" : known.joined(separator: ", ")
            throw CentralError("no site '\(unknown)' at the center (sites: \(list))", .noInput)
        }
        return Set(names).sorted()
    }

    /// The first instant of each month, in Unix seconds: the bounds PostgreSQL sorts reference times into.
    private static func starts(of months: [ReportMonth], _ zone: LocalZone) -> [Int64] {
        months.map { zone.startOfDay(CivilDate(year: $0.year, month: $0.month, day: 1)).seconds }
    }

    /// Inspections by kind from the ``CentralSummaryQueries/Part/status`` rows: kind, status; how many, how many had
    /// a due time.
    private static func statusCounts(_ rows: [CentralSummaryQueries.Row]) throws -> InspectionCounts {
        var counts = Dictionary(
            uniqueKeysWithValues: InspectionKind.allCases.map {
                ($0, StatusCounts(kind: $0, planned: 0, performed: 0, missed: 0, cancelled: 0, pending: 0))
            })
        for row in rows {
            guard let kind = InspectionKind(rawValue: row.a ?? ""), let status = InspectionStatus(rawValue: row.b ?? "")
            else {
                throw CentralError("an inspection at the center is '\(row.a ?? "")', '\(row.b ?? "")'", .dataError)
            }
            let count = row.counts[0]
            counts[kind]!.planned += row.counts[1]
            switch status {
            case .open, .closed: counts[kind]!.performed += count
            case .missed: counts[kind]!.missed += count
            case .cancelled: counts[kind]!.cancelled += count
            case .scheduled, .due: counts[kind]!.pending += count
            }
        }
        return InspectionCounts(byKind: InspectionKind.allCases.map { counts[$0]! })
    }

    /// The first count of each row, by its key.
    private static func counts(_ rows: [CentralSummaryQueries.Row]?) -> [String: Int] {
        Dictionary((rows ?? []).map { ($0.a ?? "", $0.counts[0]) }, uniquingKeysWith: +)
    }

    private static func violationCounts(_ byType: [String: Int]) throws -> ViolationCounts {
        let types = Dictionary(ViolationType.defaults.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        if let unknown = byType.keys.sorted().first(where: { types[$0] == nil }) {
            throw CentralError(
                "a site's findings name violation type '\(unknown)', which this inspectctl does not know: use the "
                    + "sites' version or a later one", .dataError)
        }
        return ViolationCounts(counts: ViolationType.defaults.map { ($0, byType[$0.code] ?? 0) })
    }
}

/// How a center's report names an office: by its code in a report over one site, as the site does; `site/code` over
/// several, where codes repeat from site to site.
private struct OfficeNaming {
    var oneSite: Bool

    func key(_ site: String, _ code: String) -> String { oneSite ? code : "\(site)/\(code)" }
}

/// The groups PostgreSQL summed, by what they group.
private struct PerformedGroups {
    var total = PerformedTotals.none
    var bySite: [String: PerformedTotals] = [:]
    /// By office, named as ``OfficeNaming`` names them.
    var byOffice: [String: PerformedTotals] = [:]
    var officeNames: [String: String] = [:]
    var byKind: [String: PerformedTotals] = [:]
    /// By the month's index in the period's months.
    var byMonth: [Int: PerformedTotals] = [:]

    /// The ``CentralSummaryQueries/Part/performed`` rows. A key is never null in a group that has it: a null key
    /// is a key the group leaves out.
    init(_ groups: [CentralSummaryQueries.Row], naming: OfficeNaming) {
        for group in groups {
            let totals = PerformedTotals(sums: group.counts)
            if let site = group.a, let office = group.b {
                let key = naming.key(site, office)
                byOffice[key] = totals
                officeNames[key] = group.c
            } else if let site = group.a {
                bySite[site] = totals
            } else if let kind = group.d {
                byKind[kind] = totals
            } else if let month = group.month {
                byMonth[month] = totals
            } else {
                total = totals
            }
        }
    }

    /// The row of `key` in `totals`, a row of zeros when no inspection was performed there.
    func row(_ totals: [String: PerformedTotals], _ key: String, name: String?) -> BreakdownRow {
        (totals[key] ?? .none).row(key: key, name: name)
    }

    /// The row of the month at `index`, keyed `key`.
    func row(_ totals: [Int: PerformedTotals], _ index: Int, key: String) -> BreakdownRow {
        (totals[index] ?? .none).row(key: key, name: nil)
    }
}

extension PerformedTotals {
    /// The totals of the sums PostgreSQL made (``CentralSummaryQueries`` says in which order).
    fileprivate init(sums: [Int]) {
        self.init(
            inspections: sums[0], violations: sums[4],
            checks: CheckCounts(
                closedInspections: sums[1], inspectionsWithoutViolations: sums[2], staffChecked: sums[3],
                violations: sums[5], staffWithViolations: sums[6]))
    }

    /// No inspection.
    fileprivate static let none = PerformedTotals(
        inspections: 0, violations: 0,
        checks: CheckCounts(
            closedInspections: 0, inspectionsWithoutViolations: 0, staffChecked: 0, violations: 0,
            staffWithViolations: 0))
}
