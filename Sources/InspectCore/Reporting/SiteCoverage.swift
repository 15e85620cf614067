/// Which sites a center's report covers, and which of them performed an inspection in the period: the sites of a
/// province are its communes and wards, so the narrative counts them as the province does ("3/5 xã, phường").
public struct SiteCoverage: Codable, Sendable, Hashable {
    /// The sites the report covers, by name.
    public var sites: [String]
    /// Sites with at least one inspection performed in the period.
    public var covered: Int
    public var coveredShare: Tenths?
    /// The sites where no inspection was performed, by name.
    public var notInspected: [String]

    public init(sites: [String], notInspected: [String]) {
        self.sites = sites
        covered = sites.count - notInspected.count
        coveredShare = HalfUp.percent(covered, of: sites.count)
        self.notInspected = notInspected
    }
}
