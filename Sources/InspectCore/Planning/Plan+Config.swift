/// Reading a plan from its file, `/etc/inspectd/plans.d/NAME.conf` (merged with its drop-ins by the caller).
///
/// One `[Plan]` section. Lists are separated by spaces or commas; a repeated list key adds to the list and an empty
/// assignment clears it. The shipped `planned-monthly.conf` and `surprise-communes.conf` comment every key.
///
/// Every plan:
/// - `Name=`: default the file name without `.conf`; letters, digits, `-`, `_`, `.`.
/// - `Description=`: one line for listings.
/// - `Kind=planned|surprise` (required).
/// - `Offices=` codes, `OfficeKinds=` kinds, `Parent=` codes (everything below them): the plan inspects the union;
///   at least one is required.
/// - `Checks=`: violation type codes the team checks.
/// - `Team=`: one or more teams; default one team named after the plan.
/// - `Window=`: `4h`, `1h 30min`, `2d` or `N working days` (see `InspectionWindow`); default `1 working day`.
///
/// Planned plans only:
/// - `OnCalendar=`: a systemd calendar expression (required), checked by the caller's validator.
/// - `HolidayPolicy=next-working-session|skip`: default `next-working-session`.
///
/// Surprise plans only (see `SurpriseRules` and `SurprisePlanner`):
/// - `Period=week|month|quarter`: default `month`. `Total=`: inspections per period (required).
/// - `MinPerOffice=` per `Horizon=week|month|quarter|year`: default 0 per period.
/// - `MaxPerOffice=`: per period, or `infinity` (the default). `MinSpacing=`: days, default 1.
/// - `TeamCapacity=`: per team per day, default 2. `Weighting=uniform|risk`: default `uniform`.
/// - `PreferSessionStart=yes|no|auto`: default `auto`, yes when `LATE` is among the checks.
extension Plan {
    /// The keys every plan accepts.
    public static let commonKeys = [
        "Name", "Description", "Kind", "Offices", "OfficeKinds", "Parent", "Checks", "Team", "Window",
    ]
    /// The keys only planned plans accept.
    public static let plannedKeys = ["OnCalendar", "HolidayPolicy"]
    /// The keys only surprise plans accept.
    public static let surpriseKeys = [
        "Period", "Total", "MinPerOffice", "Horizon", "MaxPerOffice", "MinSpacing", "TeamCapacity", "Weighting",
        "PreferSessionStart",
    ]
    /// The one section of a plan file.
    public static let section = "Plan"

    /// Reads one plan file.
    /// - Parameters:
    ///   - document: the plan file, merged with its drop-ins; its path's last component names the plan.
    ///   - validateCalendar: checks an `OnCalendar=` expression, throwing when it is invalid (its error's
    ///     description becomes the reason).
    ///   - violationCodes: the violation type codes `Checks=` may name.
    /// - Throws: `InspectError.invalidConfig` at the offending line: an unknown section or key (with a suggestion),
    ///   a key of the other kind, a malformed value, a missing required key, or contradictory quotas. Line 0, or the
    ///   `[Plan]` header's line, for what is missing.
    public init(
        document: IniDocument, validateCalendar: (String) throws -> Void,
        violationCodes: Set<String> = Set(ViolationType.defaults.map(\.code))
    ) throws {
        let section = Self.section
        try document.checkSections(expected: "[Plan]") { $0 == section }
        try document.checkKeys(in: section, allowed: Self.commonKeys + Self.plannedKeys + Self.surpriseKeys)
        let header = document.headerLocation(of: section)
        guard let kindEntry = document.value("Kind", in: section) else {
            throw header.error("a plan needs Kind=planned or Kind=surprise")
        }
        let kind = try kindEntry.choice(PlanKind.self)
        let foreignKeys = kind == .planned ? Self.surpriseKeys : Self.plannedKeys
        if let foreign = document.entries(in: section).first(where: { foreignKeys.contains($0.key) }) {
            let owner: PlanKind = kind == .planned ? .surprise : .planned
            throw foreign.location.error("\(foreign.key)= applies only to Kind=\(owner) plans, not Kind=\(kind)")
        }

        let name = try Self.name(document)
        let selector = OfficeSelector(
            codes: try document.words("Offices", in: section).map { try $0.code(as: "office code") },
            kinds: try document.words("OfficeKinds", in: section).map { try $0.choice(OfficeKind.self) },
            parents: try document.words("Parent", in: section).map { try $0.code(as: "office code") })
        guard !selector.isEmpty else {
            throw header.error("a plan must select offices with Offices=, OfficeKinds= or Parent=")
        }
        let checks = try document.words("Checks", in: section).map { word in
            let code = try word.code(as: "violation code")
            guard violationCodes.contains(code) else {
                throw word.entry.error(
                    "no violation type \(TerminalText.quoted(code)); known: \(violationCodes.sorted().joined(separator: ", "))"
                )
            }
            return code
        }
        let teams = try document.words("Team", in: section).map { word in
            guard Plan.isSafeName(word.text) else {
                throw word.entry.error("invalid team \(TerminalText.quoted(word.text)): \(Plan.safeNameRule)")
            }
            return word.text
        }
        var window = InspectionWindow.standard
        if let entry = document.value("Window", in: section) {
            guard let parsed = InspectionWindow(parsing: entry.value) else {
                throw entry.error("expected a span like 4h, 1h 30min or 2d, or 'N working days' (at most 366 days)")
            }
            window = parsed
        }
        let schedule: Schedule
        switch kind {
        case .planned:
            schedule = .planned(try Self.plannedRules(document, header: header, validateCalendar: validateCalendar))
        case .surprise:
            schedule = .surprise(try Self.surpriseRules(document, header: header, checks: checks))
        }
        self.init(
            name: name, summary: document.value("Description", in: section)?.value, selector: selector,
            checks: checks.uniqued(), teams: teams.isEmpty ? [name] : teams.uniqued(), window: window,
            schedule: schedule, path: document.path)
    }

    // MARK: - Names

    /// What a plan or team name may contain.
    public static let safeNameRule = "use 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit"

    /// Whether `name` is safe as a plan or team name: it ends up in journal fields, file names and the database.
    public static func isSafeName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 64 else { return false }
        let isAlphanumeric = { (c: UInt8) in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        }
        return isAlphanumeric(first) && name.utf8.allSatisfy { isAlphanumeric($0) || Array("-_.".utf8).contains($0) }
    }

    private static func name(_ document: IniDocument) throws -> String {
        if let entry = document.value("Name", in: section) {
            guard isSafeName(entry.value) else { throw entry.error("invalid plan name: \(safeNameRule)") }
            return entry.value
        }
        let fileName = String(document.fileName)
        let name = fileName.hasSuffix(".conf") ? String(fileName.dropLast(".conf".count)) : fileName
        guard isSafeName(name) else {
            throw IniLocation(path: document.path, line: 0).error(
                "the file name does not make a valid plan name ('\(name)'): \(safeNameRule); set Name=")
        }
        return name
    }

    // MARK: - Kinds

    private static func plannedRules(
        _ document: IniDocument, header: IniLocation, validateCalendar: (String) throws -> Void
    ) throws -> PlannedRules {
        guard let entry = document.value("OnCalendar", in: section) else {
            throw header.error("a planned plan needs OnCalendar= (a systemd calendar expression)")
        }
        do {
            try validateCalendar(entry.value)
        } catch {
            throw entry.error("invalid calendar expression: \(error)")
        }
        let policy = try document.value("HolidayPolicy", in: section)?.choice(HolidayPolicy.self)
        return PlannedRules(onCalendar: entry.value, holidayPolicy: policy ?? .nextWorkingSession)
    }

    private static func surpriseRules(
        _ document: IniDocument, header: IniLocation, checks: [String]
    ) throws -> SurpriseRules {
        func value(_ key: String) -> IniEntry? { document.value(key, in: section) }
        let periodEntry = value("Period")
        let period = try periodEntry?.choice([PeriodUnit.week, .month, .quarter]) ?? .month
        guard let totalEntry = value("Total") else {
            throw header.error("a surprise plan needs Total= (inspections per \(period))")
        }
        let total = try totalEntry.int(in: 1...100_000)
        let minEntry = value("MinPerOffice")
        let minimum = try minEntry?.int(in: 0...1000) ?? 0
        let horizonEntry = value("Horizon")
        let horizon = try horizonEntry?.choice(PeriodUnit.self) ?? period
        if let horizonEntry, !period.nests(in: horizon) {
            throw horizonEntry.error(
                period == .week
                    ? "weeks straddle months, quarters and years: with Period=week use Horizon=week"
                    : "the horizon must hold whole periods: use Horizon=\(period) or longer")
        }
        let maxEntry = value("MaxPerOffice")
        let maximum = try maxEntry.flatMap { $0.value == "infinity" ? nil : try $0.int(in: 1...1000) }
        let spacingEntry = value("MinSpacing")
        let spacing = try spacingEntry?.int(in: 0...366) ?? 1
        let capacity = try value("TeamCapacity")?.int(in: 1...100) ?? 2
        let weighting = try value("Weighting")?.choice(Weighting.self) ?? .uniform
        var preferStart = checks.contains("LATE")
        if let entry = value("PreferSessionStart"), entry.value.lowercased() != "auto" {
            preferStart = try entry.bool()
        }
        if let minEntry, let maximum, minimum > maximum * period.count(in: horizon) {
            throw minEntry.error(
                "MinPerOffice=\(minimum) per \(horizon) exceeds MaxPerOffice=\(maximum) per \(period)"
                    + " over the \(period.count(in: horizon)) \(period)(s) of a \(horizon)")
        }
        if let spacingEntry, let maximum, maximum > 1, (maximum - 1) * spacing >= period.longestDays {
            throw spacingEntry.error(
                "MaxPerOffice=\(maximum) inspections \(spacing) days apart need \((maximum - 1) * spacing + 1) days;"
                    + " a \(period) has at most \(period.longestDays)")
        }
        if let spacingEntry, minimum > 1, (minimum - 1) * spacing >= horizon.shortestDays {
            throw spacingEntry.error(
                "MinPerOffice=\(minimum) inspections \(spacing) days apart need \((minimum - 1) * spacing + 1) days;"
                    + " a \(horizon) can have only \(horizon.shortestDays)")
        }
        return SurpriseRules(
            period: period, total: total, minPerOffice: minimum, horizon: horizon, maxPerOffice: maximum,
            minSpacingDays: spacing, teamCapacity: capacity, weighting: weighting, preferSessionStart: preferStart)
    }
}

// MARK: - Values

/// One word of a list value, with the entry it came from for errors.
private struct Word {
    var text: String
    var entry: IniEntry

    /// The word as a code (office or violation): upper case as written, checked by `Codes.validate`.
    func code(as what: String) throws -> String {
        do {
            try Codes.validate(text, as: what)
        } catch let error as InspectError {
            throw entry.error(error.description)
        }
        return text
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_: Choice.Type) throws -> Choice
    where Choice.RawValue == String {
        guard let choice = Choice(rawValue: text) else {
            throw entry.error(
                "\(TerminalText.quoted(text)) is not one of: \(Choice.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return choice
    }
}

extension IniDocument {
    /// The words of a list key: every assignment split at spaces and commas, restarting after an empty one.
    fileprivate func words(_ key: String, in section: String) -> [Word] {
        values(key, in: section).flatMap { entry in
            entry.value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map {
                Word(text: String($0), entry: entry)
            }
        }
    }
}

extension IniEntry {
    /// The value as one of `Choice`'s raw values.
    fileprivate func choice<Choice: RawRepresentable & CaseIterable>(_: Choice.Type) throws -> Choice
    where Choice.RawValue == String {
        try choice(Array(Choice.allCases))
    }

    /// The value as one of `choices`' raw values.
    fileprivate func choice<Choice: RawRepresentable>(_ choices: [Choice]) throws -> Choice
    where Choice.RawValue == String {
        guard let choice = choices.first(where: { $0.rawValue == value }) else {
            throw error("expected one of: \(choices.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each only at its first appearance.
    fileprivate func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
