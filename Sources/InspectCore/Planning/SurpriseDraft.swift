/// A surprise inspection as drawn: which office, when, which team, and why that office.
public struct SurpriseDraft: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var office: String
    public var dueAt: Instant
    public var team: String
    public var reason: DraftReason

    public init(office: String, dueAt: Instant, team: String, reason: DraftReason) {
        self.office = office
        self.dueAt = dueAt
        self.team = team
        self.reason = reason
    }

    /// By due instant, then office, team and reason: the order the planner returns drafts in.
    public static func < (lhs: SurpriseDraft, rhs: SurpriseDraft) -> Bool {
        (lhs.dueAt, lhs.office, lhs.team, lhs.reason.rawValue) < (rhs.dueAt, rhs.office, rhs.team, rhs.reason.rawValue)
    }

    /// `UBND-NHANLY at 2026-03-04T00:12:00Z by noi-vu-1 (weighted-draw)`.
    public var description: String { "\(office) at \(dueAt) by \(team) (\(reason.rawValue))" }
}

/// Which rule put an office in the draw, kept for audits.
public enum DraftReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// The office would otherwise miss its `MinPerOffice` within the horizon.
    case horizonMinimum = "horizon-minimum"
    /// Drawn at random, in proportion to the office's weight.
    case weightedDraw = "weighted-draw"
}

/// An office as the draw sees it: code, hours profile and weight.
public struct DrawOffice: Hashable, Sendable, Codable {
    public var code: String
    public var hoursProfile: String
    /// In thousandths (see `Weighting`): 1000 is the base weight. At least 1.
    public var weight: Int

    public init(code: String, hoursProfile: String = HoursProfile.defaultName, weight: Int = Weighting.base) {
        self.code = code
        self.hoursProfile = hoursProfile
        self.weight = weight
    }

    /// `office` with the weight its recent record earns under `weighting`.
    public init(office: Office, risk: RiskRate, weighting: Weighting) {
        self.init(code: office.code, hoursProfile: office.hoursProfile, weight: weighting.weight(for: risk))
    }
}

/// An inspection already on the record, done or scheduled, that the draw must respect: it counts towards the
/// horizon minimum and the per-period maximum, keeps spacing, and takes its team's capacity that day.
public struct VisitRecord: Hashable, Sendable, Codable, Comparable {
    public var office: String
    public var at: Instant
    /// The team, when known; only a team of the plan has its capacity counted.
    public var team: String?

    public init(office: String, at: Instant, team: String? = nil) {
        self.office = office
        self.at = at
        self.team = team
    }

    public static func < (lhs: VisitRecord, rhs: VisitRecord) -> Bool {
        // A known team sorts after an unknown one, so the order is total and the encoding canonical.
        let (left, right) = (lhs.team.map { "+" + $0 } ?? "", rhs.team.map { "+" + $0 } ?? "")
        return (lhs.at, lhs.office, left) < (rhs.at, rhs.office, right)
    }
}
