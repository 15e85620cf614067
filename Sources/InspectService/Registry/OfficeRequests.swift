import InspectCore

/// Adds an office to the registry.
public struct OfficeAddRequest: Codable, Sendable, Hashable {
    public var code: String
    public var name: String
    public var parent: String?
    public var kind: OfficeKind
    public var hoursProfile: String?

    public init(code: String, name: String, parent: String? = nil, kind: OfficeKind, hoursProfile: String? = nil) {
        self.code = code
        self.name = name
        self.parent = parent
        self.kind = kind
        self.hoursProfile = hoursProfile
    }
}

/// An office with what a person looking it up wants to know next.
public struct OfficeDetail: Codable, Sendable, Hashable {
    public var office: Office
    public var activeStaff: Int
    /// Codes of the active offices directly under this one.
    public var children: [String]
    /// Number of inspections by status.
    public var inspections: [String: Int]
    public var lastInspection: Inspection?
    /// The office's recent record, as risk-weighted surprise draws see it.
    public var risk: OfficeRisk? = nil
}

/// An office's violation rate over `[Daemon] RiskWindowDays=`, and the weight it earns in risk-weighted draws: the
/// numbers `SurprisePlanner` is given, computed by the same query.
public struct OfficeRisk: Codable, Sendable, Hashable {
    /// The window's length and start.
    public var windowDays: Int
    public var since: Instant
    /// Current findings in the office's inspections closed within the window.
    public var violations: Int
    /// Staff checked, summed over those inspections.
    public var checked: Int
    /// Violations per 100 staff checked, to one decimal (rounded down); nil when nobody was checked.
    public var perHundred: Double?
    /// The office's weight under `Weighting=risk`, in thousandths (1000: a clean record).
    public var weight: Int

    public init(windowDays: Int, since: Instant, rate: RiskRate) {
        self.windowDays = windowDays
        self.since = since
        violations = rate.violations
        checked = rate.checked
        perHundred = rate.checked > 0 ? Double(rate.violations * 1000 / rate.checked) / 10 : nil
        weight = Weighting.risk.weight(for: rate)
    }
}

/// What an import wrote.
public struct ImportSummary: Codable, Sendable, Hashable {
    public var path: String
    public var rows: Int
    /// Escalations the imported findings raised (findings imports only).
    public var escalations: Int? = nil
}
