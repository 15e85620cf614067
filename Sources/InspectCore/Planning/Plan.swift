/// An inspection plan: which offices, what the team checks, and when — on a calendar or by surprise draws.
///
/// Each plan is one file, `/etc/inspectd/plans.d/NAME.conf`, read by `init(document:validateCalendar:
/// violationCodes:)`; `PlanSet` holds them all. Policy lives in files so that plans are reviewed like any other
/// configuration change.
public struct Plan: Hashable, Sendable {
    /// The plan's name: the file name without `.conf` unless `Name=` says otherwise.
    public var name: String
    public var summary: String?
    public var selector: OfficeSelector
    /// The violation type codes the team checks, in the order written, without repeats.
    public var checks: [String]
    /// The teams that carry out the inspections; at least one.
    public var teams: [String]
    public var window: InspectionWindow
    public var schedule: Schedule
    /// The file the plan was read from.
    public var path: String

    public init(
        name: String, summary: String? = nil, selector: OfficeSelector, checks: [String] = [], teams: [String],
        window: InspectionWindow = .standard, schedule: Schedule, path: String = ""
    ) {
        self.name = name
        self.summary = summary
        self.selector = selector
        self.checks = checks
        self.teams = teams
        self.window = window
        self.schedule = schedule
        self.path = path
    }

    /// When a plan's inspections fall due.
    public enum Schedule: Hashable, Sendable {
        case planned(PlannedRules)
        case surprise(SurpriseRules)
    }

    public var kind: PlanKind {
        switch schedule {
        case .planned: .planned
        case .surprise: .surprise
        }
    }

    /// The surprise rules, or nil for a planned plan.
    public var surpriseRules: SurpriseRules? {
        if case .surprise(let rules) = schedule { rules } else { nil }
    }

    /// The calendar rules, or nil for a surprise plan.
    public var plannedRules: PlannedRules? {
        if case .planned(let rules) = schedule { rules } else { nil }
    }
}

/// Whether a plan's inspections are announced or drawn (`Kind=`).
public enum PlanKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Announced on a calendar (kiểm tra theo kế hoạch).
    case planned
    /// Drawn at random and kept secret until due (kiểm tra đột xuất).
    case surprise
}

/// When a planned plan's inspections fall due.
public struct PlannedRules: Hashable, Sendable {
    /// A systemd calendar expression (`OnCalendar=`), checked when the plan is read; evaluating it is the calendar
    /// expression engine's job.
    public var onCalendar: String
    public var holidayPolicy: HolidayPolicy

    public init(onCalendar: String, holidayPolicy: HolidayPolicy = .nextWorkingSession) {
        self.onCalendar = onCalendar
        self.holidayPolicy = holidayPolicy
    }
}

/// What happens to a planned inspection whose calendar instant is not a working moment of the office
/// (`HolidayPolicy=`).
public enum HolidayPolicy: String, Hashable, Sendable, Codable, CaseIterable {
    /// Move it to the start of the office's next working session (or keep it when it is a working moment).
    case nextWorkingSession = "next-working-session"
    /// Drop that occurrence; the next elapse of the calendar expression stands.
    case skip

    /// The due instant for a calendar elapse at `elapse` in an office following `profile`, or nil when the policy
    /// skips it.
    /// - Throws: `InspectError.notFound` for an unknown profile; `InspectError.conflict` when the profile has no
    ///   working session ahead at all.
    public func dueInstant(forElapse elapse: Instant, calendar: WorkCalendar, profile: String) throws -> Instant? {
        if try calendar.isWorkingMoment(elapse, profile: profile) { return elapse }
        switch self {
        case .nextWorkingSession: return try calendar.nextWorkingMoment(atOrAfter: elapse, profile: profile)
        case .skip: return nil
        }
    }
}

/// The quotas and constraints of a surprise plan; every one is hard (see `SurprisePlanner`).
public struct SurpriseRules: Hashable, Sendable, Codable {
    /// The period drawn at once (`Period=`).
    public var period: PeriodUnit
    /// Inspections drawn per period, exactly (`Total=`).
    public var total: Int
    /// Inspections every office gets at least, per `horizon` (`MinPerOffice=`); 0 for none.
    public var minPerOffice: Int
    /// The span of the minimum (`Horizon=`); a unit `period` nests in.
    public var horizon: PeriodUnit
    /// Inspections one office gets at most per period (`MaxPerOffice=`); nil for no limit.
    public var maxPerOffice: Int?
    /// Days at least between the dates of two inspections of one office (`MinSpacing=`): 1 forbids two on one
    /// day, 0 allows it.
    public var minSpacingDays: Int
    /// Inspections one team does at most per day (`TeamCapacity=`).
    public var teamCapacity: Int
    public var weighting: Weighting
    /// Whether most instants are drawn near session starts (`PreferSessionStart=`), when lateness is checked.
    public var preferSessionStart: Bool

    public init(
        period: PeriodUnit = .month, total: Int, minPerOffice: Int = 0, horizon: PeriodUnit? = nil,
        maxPerOffice: Int? = nil, minSpacingDays: Int = 1, teamCapacity: Int = 2, weighting: Weighting = .uniform,
        preferSessionStart: Bool = false
    ) {
        self.period = period
        self.total = total
        self.minPerOffice = minPerOffice
        self.horizon = horizon ?? period
        self.maxPerOffice = maxPerOffice
        self.minSpacingDays = minSpacingDays
        self.teamCapacity = teamCapacity
        self.weighting = weighting
        self.preferSessionStart = preferSessionStart
    }
}
