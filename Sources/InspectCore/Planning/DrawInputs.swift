import Crypto

/// Everything a surprise draw depends on besides its seed, in a fixed form that is committed to before the draw
/// and stored with it.
///
/// Replaying the planner on these inputs with the revealed seed must give the stored drafts (see
/// `SurpriseAudit`). The inputs therefore hold values, not references: the plan's constraint values as they were,
/// the selected offices with their weights (whole numbers, never floating point, whose text could vary), the
/// history the draw respected, and a digest of the calendar facts it used.
///
/// ```swift
/// let inputs = try DrawInputs(plan: plan, period: period, offices: offices, history: history, calendar: calendar)
/// var system = SystemRandomness()
/// let draw = try SurpriseDraw(inputs: inputs, calendar: calendar, seed: .random(using: &system))
/// ```
public struct DrawInputs: Hashable, Sendable, Codable {
    /// The tag that starts the canonical encoding of inputs drawn by `PlannerVersion.greedy`, which name no
    /// planner; a new encoding gets a new version.
    public static let format = "inspectd.draw-inputs.v1"
    /// The tag of the encoding that names the planner, right after the tag: every version after `greedy`.
    public static let versionedFormat = "inspectd.draw-inputs.v2"

    /// The algorithm that draws these inputs. Absent from inputs stored before it was recorded: those are `greedy`.
    public var planner: PlannerVersion
    public var plan: String
    public var rules: SurpriseRules
    /// The plan's teams, in the plan's order.
    public var teams: [String]
    public var period: DrawPeriod
    /// The span of the plan's minimum that contains the period.
    public var horizon: DrawPeriod
    /// How many periods of the horizon remain, this one included.
    public var periodsLeftInHorizon: Int
    /// The first instant a draft may fall at: the period's start when drawn in advance, or the time of the draw (on
    /// the next whole minute) when the period had already begun (a daemon started mid-period), so no surprise lands
    /// in the past.
    public var notBefore: Instant
    /// The selected offices, sorted by code.
    public var offices: [DrawOffice]
    /// The visits that can matter to this draw, sorted (see `init`).
    public var history: [VisitRecord]
    /// `CalendarFacts` of the offices' profiles over the period: hex SHA-256.
    public var calendarDigest: String

    /// Gathers the inputs of a draw of `period`.
    /// - Parameters:
    ///   - plan: the plan's name.
    ///   - offices: the offices the plan selects, with their weights; any order.
    ///   - history: visits already on the record. Those that cannot affect this draw are left out: visits of the
    ///     selected offices outside the horizon and further from the period than `MinSpacing`, and visits of other
    ///     offices unless one of the plan's teams makes them during the period.
    /// - Throws: `InspectError.invalidInput` for a period of the wrong unit, no team or a team listed twice, an
    ///   office listed twice or with a weight below 1; `InspectError.notFound` for an hours profile the calendar
    ///   does not know.
    public init(
        plan: String, rules: SurpriseRules, teams: [String], period: DrawPeriod, offices: [DrawOffice],
        history: [VisitRecord], calendar: WorkCalendar, notBefore: Instant? = nil, planner: PlannerVersion = .current
    ) throws {
        guard period.unit == rules.period else {
            throw InspectError.invalidInput("plan '\(plan)' draws by \(rules.period), not by \(period.unit)")
        }
        guard !teams.isEmpty else { throw InspectError.invalidInput("plan '\(plan)' has no team") }
        guard Set(teams).count == teams.count else {
            throw InspectError.invalidInput("plan '\(plan)' lists a team twice: \(teams.joined(separator: " "))")
        }
        let sorted = offices.sorted { $0.code < $1.code }
        for (left, right) in zip(sorted, sorted.dropFirst()) where left.code == right.code {
            throw InspectError.invalidInput("office '\(left.code)' is listed twice in the draw")
        }
        if let light = sorted.first(where: { $0.weight < 1 }) {
            throw InspectError.invalidInput("office '\(light.code)' has weight \(light.weight); weights are at least 1")
        }
        let zone = calendar.zone
        let horizon = DrawPeriod.containing(period.start, unit: rules.horizon, zone: zone)
        var left = 0
        var step = period
        while step.start < horizon.end {
            left += 1
            step = step.next(zone: zone)
        }
        let codes = Set(sorted.map(\.code))
        let teamSet = Set(teams)
        let spacing = rules.minSpacingDays
        let nearby = (period.firstDay.dayNumber - spacing)..<(period.days.last!.dayNumber + 1 + spacing)
        let relevant = history.filter { visit in
            let counts = nearby.contains(zone.local(visit.at).date.dayNumber) || horizon.contains(visit.at)
            let takesCapacity = period.contains(visit.at) && visit.team.map(teamSet.contains) == true
            return (codes.contains(visit.office) && counts) || takesCapacity
        }
        self.planner = planner
        self.plan = plan
        self.rules = rules
        self.teams = teams
        self.period = period
        self.horizon = horizon
        periodsLeftInHorizon = left
        // On a whole minute, as every instant the planner draws is.
        let minute = (notBefore ?? period.start).seconds
        self.notBefore = max(period.start, Instant(seconds: (minute + 59) / 60 * 60))
        self.offices = sorted
        self.history = relevant.sorted()
        calendarDigest = try CalendarFacts.digest(
            calendar: calendar, profiles: sorted.map(\.hoursProfile), period: period)
    }

    /// The inputs of a draw of `period` for the surprise plan `plan`.
    /// - Throws: `InspectError.invalidInput` when `plan` is not a surprise plan; otherwise as the memberwise `init`.
    public init(
        plan: Plan, period: DrawPeriod, offices: [DrawOffice], history: [VisitRecord], calendar: WorkCalendar,
        notBefore: Instant? = nil
    ) throws {
        guard let rules = plan.surpriseRules else {
            throw InspectError.invalidInput("plan '\(plan.name)' is a planned plan; only surprise plans are drawn")
        }
        try self.init(
            plan: plan.name, rules: rules, teams: plan.teams, period: period, offices: offices, history: history,
            calendar: calendar, notBefore: notBefore)
    }

    /// The fixed byte encoding of the inputs that the commitment hashes: `format` and the fields for `greedy`, so
    /// that stored commitments stay valid; `versionedFormat`, the planner's version, then the same fields after.
    public var canonical: [UInt8] {
        var writer = CanonicalWriter(tag: planner == .greedy ? Self.format : Self.versionedFormat)
        if planner != .greedy { writer.field(planner.rawValue) }
        writer.field(plan)
        writer.field(rules.period.rawValue)
        writer.field(rules.total)
        writer.field(rules.minPerOffice)
        writer.field(rules.horizon.rawValue)
        writer.field(rules.maxPerOffice.map(String.init))
        writer.field(rules.minSpacingDays)
        writer.field(rules.teamCapacity)
        writer.field(rules.weighting.rawValue)
        writer.field(rules.preferSessionStart ? "yes" : "no")
        writer.list(teams) { $0.field($1) }
        for span in [period, horizon] {
            writer.field(span.unit.rawValue)
            writer.field(span.firstDay.description)
            writer.field(span.start)
            writer.field(span.end)
        }
        writer.field(periodsLeftInHorizon)
        writer.field(notBefore)
        writer.list(offices) { writer, office in
            writer.field(office.code)
            writer.field(office.hoursProfile)
            writer.field(office.weight)
        }
        writer.list(history) { writer, visit in
            writer.field(visit.office)
            writer.field(visit.at)
            writer.field(visit.team)
        }
        writer.field(calendarDigest)
        return writer.bytes
    }

    /// `SHA-256(seed ‖ canonical)` in hex: what the journal shows at draw time.
    public func commitment(seed: DrawSeed) -> String {
        var hasher = SHA256()
        hasher.update(data: seed.bytes)
        hasher.update(data: canonical)
        return Hex.encode(hasher.finalize())
    }
}

extension DrawInputs {
    /// Reads stored inputs; those stored before the planner was recorded are `greedy`'s.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        planner = try container.decodeIfPresent(PlannerVersion.self, forKey: .planner) ?? .greedy
        plan = try container.decode(String.self, forKey: .plan)
        rules = try container.decode(SurpriseRules.self, forKey: .rules)
        teams = try container.decode([String].self, forKey: .teams)
        period = try container.decode(DrawPeriod.self, forKey: .period)
        horizon = try container.decode(DrawPeriod.self, forKey: .horizon)
        periodsLeftInHorizon = try container.decode(Int.self, forKey: .periodsLeftInHorizon)
        notBefore = try container.decode(Instant.self, forKey: .notBefore)
        offices = try container.decode([DrawOffice].self, forKey: .offices)
        history = try container.decode([VisitRecord].self, forKey: .history)
        calendarDigest = try container.decode(String.self, forKey: .calendarDigest)
    }
}
