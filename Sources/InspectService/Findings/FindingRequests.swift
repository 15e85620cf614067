import InspectCore

/// Records one shortcoming in an open inspection.
public struct FindingLogRequest: Codable, Sendable, Hashable {
    public var inspection: Int64
    public var violation: String
    public var staff: String?
    /// Arrival time, for violations measured on arrival (LATE).
    public var arrived: TimeOfDay?
    /// Departure time, for violations measured on departure (EARLY).
    public var left: TimeOfDay?
    public var note: String?
    /// When it was observed; default now.
    public var observedAt: Instant?

    public init(
        inspection: Int64, violation: String, staff: String? = nil, arrived: TimeOfDay? = nil, left: TimeOfDay? = nil,
        note: String? = nil, observedAt: Instant? = nil
    ) {
        self.inspection = inspection
        self.violation = violation
        self.staff = staff
        self.arrived = arrived
        self.left = left
        self.note = note
        self.observedAt = observedAt
    }
}

/// `finding log` runs once per process, so its request lists its values for the check (see `ListedParameters`).
extension FindingLogRequest: ListedParameters {
    public var listedValues: [(field: String, value: CheckedValue)] {
        [
            ("inspection", .unchecked), ("violation", .text(violation)),
            ("staff", staff.map(CheckedValue.text) ?? .unchecked),
            ("arrived", .unchecked), ("left", .unchecked), ("note", note.map(CheckedValue.text) ?? .unchecked),
            ("observedAt", observedAt.map(CheckedValue.instant) ?? .unchecked),
        ]
    }
}

/// Replaces a finding's details; what is not given stays as it was.
public struct FindingAmendRequest: Codable, Sendable, Hashable {
    public var finding: Int64
    public var reason: String
    public var violation: String?
    public var staff: String?
    public var arrived: TimeOfDay?
    public var left: TimeOfDay?
    public var note: String?
    /// When the correction was made, if not now: the time on the spot for a round written up later.
    public var at: Instant?

    public init(
        finding: Int64, reason: String, violation: String? = nil, staff: String? = nil, arrived: TimeOfDay? = nil,
        left: TimeOfDay? = nil, note: String? = nil, at: Instant? = nil
    ) {
        self.finding = finding
        self.reason = reason
        self.violation = violation
        self.staff = staff
        self.arrived = arrived
        self.left = left
        self.note = note
        self.at = at
    }
}

/// Filters for listing findings; every one is optional.
public struct FindingFilter: Codable, Sendable, Hashable {
    public var inspection: Int64?
    public var office: String?
    public var staff: String?
    public var violation: String?
    public var from: Instant?
    public var to: Instant?
    /// Include amended-away rows, retracted rows and the corrections themselves.
    public var includeHistory: Bool
    /// Only rows recorded after the row with this id: the `next` of the page before (``Page``).
    public var after: Int64?

    public init(
        inspection: Int64? = nil, office: String? = nil, staff: String? = nil, violation: String? = nil,
        from: Instant? = nil, to: Instant? = nil, includeHistory: Bool = false, after: Int64? = nil
    ) {
        self.inspection = inspection
        self.office = office
        self.staff = staff
        self.violation = violation
        self.from = from
        self.to = to
        self.includeHistory = includeHistory
        self.after = after
    }
}

/// Where a finding row stands in its history.
public enum FindingState: String, Codable, Sendable, CaseIterable {
    /// The row is the finding as it stands.
    case current
    /// A later row amended it.
    case amended
    /// A later row retracted it.
    case retracted
    /// The row is itself a retraction.
    case retraction
}

/// A finding row as people see it: the stored row plus its office, severity and state.
public struct FindingView: Codable, Sendable, Hashable {
    public var finding: Finding
    public var office: String
    public var severity: Severity
    public var state: FindingState
    /// The escalations that writing this row raised, when it was just written (absent in listings).
    public var escalations: [EscalationView]? = nil
}

extension FindingView {
    /// The view with `prevHash` and `hash` empty, as readers get it.
    func withoutHashes() -> FindingView {
        var view = self
        view.finding.prevHash = ""
        view.finding.hash = ""
        return view
    }
}
