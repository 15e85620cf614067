/// A summary report laid out for people: a title, the period, a narrative paragraph and labelled tables, in one
/// language. Every output format (text table, Markdown, CSV, HTML) renders this one layout, so they cannot disagree.
public struct ReportDocument: Sendable, Hashable {
    public var language: Language
    public var title: String
    /// `Period: … (previous period: …)`.
    public var periodLine: String
    public var narrative: String
    public var tables: [ReportTable]

    public init(_ report: SummaryReport, zone: LocalZone, language: Language) {
        self.language = language
        let labels = ReportLabels(language)
        title = labels.title
        periodLine =
            "\(labels.period): \(ReportDates.span(report.period, zone: zone, language)) "
            + "(\(labels.previousPeriod): \(ReportDates.span(report.previousPeriod, zone: zone, language)))"
        narrative = ReportNarrative.paragraph(report, zone: zone, language: language)
        tables = ReportSection.available.flatMap { Self.tables(for: $0, report, zone: zone, labels: labels) }
    }

    /// The tables of one section (several for the breakdowns, none for an empty list).
    static func tables(
        for section: ReportSection, _ report: SummaryReport, zone: LocalZone, labels: ReportLabels
    )
        -> [ReportTable]
    {
        let id = section.rawValue
        switch section {
        case .inspections:
            let columns = ["planned", "performed", "missed", "cancelled", "pending"]
            func cells(_ counts: StatusCounts) -> [ReportCell] {
                [counts.planned, counts.performed, counts.missed, counts.cancelled, counts.pending].map { .count($0) }
            }
            return [
                ReportTable(
                    id: id, title: labels.title(section), heading: labels.heading(.kind), showsKey: false,
                    columns: columns.map { ReportColumn(key: $0, title: labels.measure($0)) },
                    rows: report.inspections.byKind.map { counts in
                        let kind = counts.kind ?? .adHoc
                        return ReportRow(key: kind.rawValue, label: labels.kind(kind), cells: cells(counts))
                    },
                    total: ReportRow(key: "total", label: labels.total, cells: cells(report.inspections.total)))
            ]
        case .sites:
            guard let sites = report.sites else { return [] }
            let covered = keyValueTable(
                id: id, title: labels.title(section), labels: labels,
                [
                    ("sites", .count(sites.sites.count)), ("covered", .count(sites.covered)),
                    ("coveredShare", .percent(sites.coveredShare)),
                ])
            guard !sites.notInspected.isEmpty else { return [covered] }
            return [
                covered,
                ReportTable(
                    id: "sitesNotInspected", title: labels.sitesNotInspected, heading: labels.heading(.site),
                    showsKey: false, columns: [],
                    rows: sites.notInspected.map { ReportRow(key: $0, label: $0, cells: []) }),
            ]
        case .offices:
            let offices = report.offices
            return [
                keyValueTable(
                    id: id, title: labels.title(section), labels: labels,
                    [
                        ("offices", .count(offices.offices)), ("covered", .count(offices.covered)),
                        ("coveredShare", .percent(offices.coveredShare)),
                    ])
            ]
        case .notInspected:
            guard !report.offices.notInspected.isEmpty else { return [] }
            return [
                ReportTable(
                    id: id, title: labels.title(section), heading: labels.heading(.office), showsKey: true,
                    columns: [],
                    rows: report.offices.notInspected.map { ReportRow(key: $0.code, label: $0.name, cells: []) })
            ]
        case .checks:
            let checks = report.checks
            return [
                keyValueTable(
                    id: id, title: labels.title(section), labels: labels,
                    [
                        ("closedInspections", .count(checks.closedInspections)),
                        ("inspectionsWithoutViolations", .count(checks.inspectionsWithoutViolations)),
                        ("staffChecked", .count(checks.staffChecked)), ("violations", .count(checks.violations)),
                        ("staffWithViolations", .count(checks.staffWithViolations)),
                        ("compliantChecks", .count(checks.compliantChecks)),
                        ("violationsPer100Checked", .decimal(checks.violationsPer100Checked)),
                        ("compliantShare", .percent(checks.compliantShare)),
                    ])
            ]
        case .violationsByType:
            let violations = report.violations
            return [
                ReportTable(
                    id: id, title: labels.title(section), heading: labels.heading(.type), showsKey: true,
                    columns: ["severity", "count", "share"].map { ReportColumn(key: $0, title: labels.measure($0)) },
                    rows: violations.byType.map { type in
                        ReportRow(
                            key: type.code, label: type.name(in: labels.language),
                            cells: [.text(labels.severity(type.severity)), .count(type.count), .percent(type.share)])
                    },
                    total: ReportRow(
                        key: "total", label: labels.total,
                        cells: [
                            .text(""), .count(violations.total),
                            .percent(violations.total > 0 ? Tenths(tenths: 1000) : nil),
                        ]))
            ]
        case .violationsBySeverity:
            let violations = report.violations
            return [
                ReportTable(
                    id: id, title: labels.title(section), heading: labels.severityHeading, showsKey: false,
                    columns: ["count", "share"].map { ReportColumn(key: $0, title: labels.measure($0)) },
                    rows: violations.bySeverity.map {
                        ReportRow(
                            key: $0.severity.rawValue, label: labels.severity($0.severity),
                            cells: [.count($0.count), .percent($0.share)])
                    },
                    total: ReportRow(
                        key: "total", label: labels.total,
                        cells: [.count(violations.total), .percent(violations.total > 0 ? Tenths(tenths: 1000) : nil)]))
            ]
        case .trend:
            let trend = report.trend
            let rows: [(String, (PeriodFigures) -> ReportCell, ReportCell)] = [
                ("performed", { .count($0.performed) }, .change(trend.change.performed)),
                ("staffChecked", { .count($0.staffChecked) }, .change(trend.change.staffChecked)),
                ("violations", { .count($0.violations) }, .change(trend.change.violations)),
                (
                    "violationsPer100Checked", { .decimal($0.violationsPer100Checked) },
                    .decimalChange(trend.change.violationsPer100Checked)
                ),
                ("compliantShare", { .percent($0.compliantShare) }, .decimalChange(trend.change.compliantShare)),
            ]
            return [
                ReportTable(
                    id: id, title: labels.title(section), heading: labels.item, showsKey: false,
                    columns: ["current", "previous", "change"].map { ReportColumn(key: $0, title: labels.measure($0)) },
                    rows: rows.map { key, value, change in
                        ReportRow(
                            key: key, label: labels.measure(key),
                            cells: [value(trend.current), value(trend.previous), change])
                    })
            ]
        case .breakdowns:
            return report.breakdowns.map { breakdownTable($0, report, labels: labels) }
        case .escalations:
            let escalations = report.escalations
            return [
                ReportTable(
                    id: id, title: labels.title(section), heading: labels.escalationLevelHeading, showsKey: false,
                    columns: [ReportColumn(key: "raised", title: labels.measure("raised"))],
                    rows: EscalationLevel.allCases.map { level in
                        ReportRow(
                            key: level.rawValue, label: labels.escalationLevel(level),
                            cells: [.count(escalations.count(level))])
                    },
                    total: ReportRow(key: "total", label: labels.total, cells: [.count(escalations.total)])),
                keyValueTable(
                    id: id + "-acknowledged", title: labels.measure("acknowledged"), labels: labels,
                    [("acknowledged", .count(escalations.acknowledged))]),
            ]
        case .correctiveActions:
            let actions = report.correctiveActions
            return [
                keyValueTable(
                    id: id, title: labels.title(section), labels: labels,
                    [
                        ("required", .count(actions.required)), ("open", .count(actions.open)),
                        ("overdue", .count(actions.overdue)),
                    ])
            ]
        }
    }

    private static func keyValueTable(
        id: String, title: String, labels: ReportLabels, _ pairs: [(String, ReportCell)]
    ) -> ReportTable {
        ReportTable(
            id: id, title: title, heading: labels.item, showsKey: false,
            columns: [ReportColumn(key: "value", title: labels.value)],
            rows: pairs.map { ReportRow(key: $0.0, label: labels.measure($0.0), cells: [$0.1]) })
    }

    private static func breakdownTable(
        _ breakdown: ReportBreakdown, _ report: SummaryReport, labels: ReportLabels
    )
        -> ReportTable
    {
        let dimension = breakdown.by
        let keys =
            dimension.countsInspections
            ? ["inspections", "staffChecked", "violations", "violationsPer100Checked", "share"]
            : ["violations", "share"]
        let typeNames = Dictionary(
            report.violations.byType.map { ($0.code, $0.name(in: labels.language)) }, uniquingKeysWith: { a, _ in a })
        func label(_ row: BreakdownRow) -> String {
            switch dimension {
            case .site: row.key
            case .office: row.name ?? row.key
            case .type: typeNames[row.key] ?? row.key
            case .month: ReportMonth(iso: row.key).map { ReportDates.month($0, labels.language) } ?? row.key
            case .category: labels.category(row.key)
            case .kind: InspectionKind(rawValue: row.key).map(labels.kind) ?? row.key
            }
        }
        func cells(_ row: BreakdownRow) -> [ReportCell] {
            guard dimension.countsInspections else { return [.count(row.violations), .percent(row.share)] }
            return [
                .count(row.inspections ?? 0), .count(row.staffChecked ?? 0), .count(row.violations),
                .decimal(row.violationsPer100Checked), .percent(row.share),
            ]
        }
        let total = breakdown.rows.map(\.violations).reduce(0, +)
        let totals: [ReportCell] =
            dimension.countsInspections
            ? [
                .count(breakdown.rows.compactMap(\.inspections).reduce(0, +)),
                .count(breakdown.rows.compactMap(\.staffChecked).reduce(0, +)), .count(total),
                .decimal(report.checks.violationsPer100Checked), .percent(total > 0 ? Tenths(tenths: 1000) : nil),
            ] : [.count(total), .percent(total > 0 ? Tenths(tenths: 1000) : nil)]
        return ReportTable(
            id: "by-\(dimension.rawValue)", title: labels.title(dimension), heading: labels.heading(dimension),
            showsKey: dimension == .office || dimension == .type,
            columns: keys.map { ReportColumn(key: $0, title: labels.measure($0)) },
            rows: breakdown.rows.map { ReportRow(key: $0.key, label: label($0), cells: cells($0)) },
            total: ReportRow(key: "total", label: labels.total, cells: totals))
    }
}

/// One table of a report document.
public struct ReportTable: Sendable, Hashable {
    /// Stable identifier: the section's JSON key or `by-<dimension>`; CSV's `section` column, HTML's table id.
    public var id: String
    public var title: String
    /// The heading of the label column.
    public var heading: String
    /// Whether the rows' keys (office and type codes) are worth a column of their own.
    public var showsKey: Bool
    public var columns: [ReportColumn]
    public var rows: [ReportRow]
    public var total: ReportRow?

    public init(
        id: String, title: String, heading: String, showsKey: Bool, columns: [ReportColumn], rows: [ReportRow],
        total: ReportRow? = nil
    ) {
        self.id = id
        self.title = title
        self.heading = heading
        self.showsKey = showsKey
        self.columns = columns
        self.rows = rows
        self.total = total
    }
}

/// A column of a report table: its measure's JSON key and its heading.
public struct ReportColumn: Sendable, Hashable {
    public var key: String
    public var title: String

    public init(key: String, title: String) {
        self.key = key
        self.title = title
    }
}

/// A row of a report table: its key (a code, kind, month or measure), its label, and one cell per column.
public struct ReportRow: Sendable, Hashable {
    public var key: String
    public var label: String
    public var cells: [ReportCell]

    public init(key: String, label: String, cells: [ReportCell]) {
        self.key = key
        self.label = label
        self.cells = cells
    }
}

/// A value in a report table; how it reads depends on the language (`text`) or not at all (`plain`).
public enum ReportCell: Sendable, Hashable {
    case text(String)
    case count(Int)
    /// A rate to one decimal; nil when it has no base.
    case decimal(Tenths?)
    case percent(Tenths?)
    /// A change of a count between periods.
    case change(Int)
    /// A change of a rate or share between periods, in points.
    case decimalChange(Tenths?)
    /// A share as the district's reports write it, without a decimal that is zero: `81%`, `88,4%`.
    case share(Tenths?)
    /// A change of a share in percentage points, likewise: `+10`, `+5,8`.
    case points(Tenths?)

    /// Whether the value is a number (right-aligned).
    public var isNumeric: Bool {
        if case .text = self { return false }
        return true
    }

    /// The value as people read it in `language`: `1.536`, `15,1%`, `+2,2`, `-` for no value.
    public func text(_ numbers: ReportNumbers) -> String {
        switch self {
        case .text(let text): text
        case .count(let value): numbers.integer(value)
        case .decimal(let value): value.map(numbers.decimal) ?? "-"
        case .percent(let value): value.map(numbers.percent) ?? "-"
        case .change(let value): numbers.signedInteger(value)
        case .decimalChange(let value): value.map(numbers.signedDecimal) ?? "-"
        case .share(let value): value.map(numbers.share) ?? "-"
        case .points(let value): value.map(numbers.points) ?? "-"
        }
    }

    /// The value for machines (CSV): `1536`, `15.1`, `-3`, empty for no value.
    public var plain: String {
        switch self {
        case .text(let text): text
        case .count(let value), .change(let value): String(value)
        case .decimal(let value), .percent(let value), .decimalChange(let value), .share(let value),
            .points(let value):
            value?.description ?? ""
        }
    }
}

extension ReportMonth {
    /// Parses `2027-01`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else {
            return nil
        }
        self.init(year: year, month: month)
    }
}
