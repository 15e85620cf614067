import InspectCore

/// Filters for listing inspections; every one is optional.
public struct InspectionFilter: Codable, Sendable, Hashable {
    public var status: InspectionStatus?
    public var office: String?
    /// Inspections whose reference time (opened, else due, else created) is at or after this instant.
    public var from: Instant?
    /// … and before this instant.
    public var to: Instant?
    /// Only inspections after this one in the listing's order: the `next` of the page before (``Page``).
    public var after: Int64?

    public init(
        status: InspectionStatus? = nil, office: String? = nil, from: Instant? = nil, to: Instant? = nil,
        after: Int64? = nil
    ) {
        self.status = status
        self.office = office
        self.from = from
        self.to = to
        self.after = after
    }
}

/// An inspection with its office's name and its findings.
public struct InspectionDetail: Codable, Sendable, Hashable {
    public var inspection: Inspection
    public var officeName: String
    /// Every finding row of the inspection, corrections included, in the order they were recorded.
    public var findings: [FindingView]
    /// The follow-up scheduled after it, if any (its id is no secret; its instant is, until due).
    public var followedUpBy: Int64? = nil
}
