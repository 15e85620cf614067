/// What the record says of one person in one year, as the classification rules read it.
public struct ClassificationFacts: Codable, Sendable, Hashable {
    /// Findings about the person observed in the year, as they stand: retracted ones do not count, an amended one
    /// counts once.
    public var findings: Int
    /// Escalations about the person raised in the year, at any level.
    public var escalations: Int
    /// Those of the escalations that refer the person to the disciplinary process.
    public var referrals: Int
    /// Corrective actions required of the person's findings that were due by the end of the year and not done by then.
    public var undoneActions: Int
    /// The band of the person's latest competency test result of the year (as the bands are configured now); nil
    /// when they sat no test that year.
    public var band: String?

    public init(findings: Int, escalations: Int, referrals: Int, undoneActions: Int, band: String?) {
        self.findings = findings
        self.escalations = escalations
        self.referrals = referrals
        self.undoneActions = undoneActions
        self.band = band
    }

    /// Nothing against the person: no finding, escalation or undone action, and no test.
    public static let clean = ClassificationFacts(
        findings: 0, escalations: 0, referrals: 0, undoneActions: 0, band: nil)
}
