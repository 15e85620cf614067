import InspectCore
import InspectStore

extension InspectService {
    /// The summary report of a period, against the previous period of the same length, read in one transaction so
    /// every figure comes from the same state of the record.
    ///
    /// Read-only; anyone may ask. Surprise and follow-up inspections not yet due are never counted.
    public func summaryReport(_ request: SummaryRequest) throws -> SummaryReport {
        // Each breakdown is a pass over the period: one given a thousand times (the API fuzzer's) took a second on
        // a small record, and would take minutes on a large one.
        var asked = Set<BreakdownDimension>()
        for dimension in request.breakdowns where !asked.insert(dimension).inserted {
            throw InspectError.invalidInput("breakdowns: '\(dimension.rawValue)' is asked for more than once")
        }
        let zone = policy.zone
        return try query { db in
            let period = request.period
            let inspections = try Self.statusCounts(db, period)
            let performed = try Self.performed(db, period, zone: zone)
            let previousPeriod = period.previous(in: zone)
            let previous = try Self.performed(db, previousPeriod, zone: zone)
            let types = try ViolationTypeRecord.all(db)
            let typeCounts = try SummaryQueries.violationsByType(db, period)
            let violations = ViolationCounts(counts: types.map { ($0, typeCounts[$0.code] ?? 0) })
            let scope = try SummaryQueries.offices(db, period)
            let covered = Set(performed.map(\.office))
            let offices = OfficeCoverage(
                offices: scope.count, covered: scope.filter { covered.contains($0.code) }.count,
                notInspected: scope.filter { !covered.contains($0.code) })
            let checks = CheckCounts(performed)
            let trend = ReportTrend(
                current: PeriodFigures(inspections: inspections, checks: checks, violations: violations.total),
                previous: PeriodFigures(PerformedTotals(previous)))
            let breakdowns = try request.breakdowns.map { dimension in
                try Self.breakdown(
                    dimension, db, period: period, zone: zone, performed: performed, offices: scope,
                    violations: violations)
            }
            let escalations = EscalationCounts(levels: try SummaryQueries.escalations(db, period))
            let actionCounts = try SummaryQueries.actions(db, period)
            let actions = ActionCounts(
                required: actionCounts.required, open: actionCounts.open, overdue: actionCounts.overdue)
            return SummaryReport(
                period: period, previousPeriod: previousPeriod, zone: zone.identifier, inspections: inspections,
                offices: offices, checks: checks,
                violations: violations, trend: trend, breakdowns: breakdowns, escalations: escalations,
                correctiveActions: actions)
        }
    }

    private static func statusCounts(_ db: StoreTransaction, _ period: ReportPeriod) throws -> InspectionCounts {
        var counts = Dictionary(
            uniqueKeysWithValues: InspectionKind.allCases.map {
                ($0, StatusCounts(kind: $0, planned: 0, performed: 0, missed: 0, cancelled: 0, pending: 0))
            })
        for row in try SummaryQueries.statusCounts(db, period) {
            let kind = row.kind
            let status = row.status
            let n = row.count
            counts[kind]!.planned += row.planned
            switch status {
            case .open, .closed: counts[kind]!.performed += n
            case .missed: counts[kind]!.missed += n
            case .cancelled: counts[kind]!.cancelled += n
            case .scheduled, .due: counts[kind]!.pending += n
            }
        }
        return InspectionCounts(byKind: InspectionKind.allCases.map { counts[$0]! })
    }

    private static func performed(
        _ db: StoreTransaction, _ period: ReportPeriod, zone: LocalZone
    ) throws
        -> [PerformedInspection]
    {
        try SummaryQueries.performedInspections(db, period).map { row in
            PerformedInspection(
                office: row.office, kind: row.kind, month: ReportMonth(zone.local(row.at).date), closed: row.closed,
                checked: row.checked, violations: row.violations, staffWithViolations: row.staff)
        }
    }

    private static func breakdown(
        _ dimension: BreakdownDimension, _ db: StoreTransaction, period: ReportPeriod, zone: LocalZone,
        performed: [PerformedInspection], offices: [OfficeName], violations: ViolationCounts
    ) throws -> ReportBreakdown {
        switch dimension {
        case .office:
            // Offices in scope, and any other office an inspection of the period reached.
            var keys = Dictionary(offices.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            for code in Set(performed.map(\.office)) where keys[code] == nil {
                keys[code] = try OfficeRecord.name(db, code: code)
            }
            return ReportBreakdown(
                by: .office, keys: keys.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, performed: performed,
                key: \.office)
        case .month:
            return ReportBreakdown(
                by: .month, keys: period.months(in: zone).map { ($0.description, nil) }, performed: performed,
                key: \.month.description)
        case .kind:
            return ReportBreakdown(
                by: .kind, keys: InspectionKind.allCases.map { ($0.rawValue, nil) }, performed: performed,
                key: \.kind.rawValue)
        case .type:
            return ReportBreakdown(
                by: .type, rows: violations.byType.map { BreakdownRow(key: $0.code, violations: $0.count) })
        case .category:
            let counts = try SummaryQueries.violationsByCategory(db, period)
            return ReportBreakdown(
                by: .category,
                rows: ReportBreakdown.categories.map { BreakdownRow(key: $0, violations: counts[$0] ?? 0) })
        case .site:
            throw InspectError.invalidInput(
                "breakdowns: 'site' is for the center's reports (report summary --central): this report covers one "
                    + "site")
        }
    }
}
