/// When closing an inspection schedules a follow-up visit, and how soon (`[FollowUp]` in `inspectd.conf`).
///
/// ```ini
/// [FollowUp]
/// MinSeverity=moderate        # minor, moderate, serious, or none to schedule no follow-up
/// WithinWorkingDays=10        # the follow-up falls on one of the next N working days (1-60)
/// Window=1 working day        # once due, how long it may still be opened (as a plan's Window=)
/// ```
public struct FollowUpPolicy: Hashable, Sendable {
    /// The least severity among an inspection's current findings that calls for a follow-up; nil for never.
    public var minSeverity: Severity?
    /// The follow-up falls within this many working days after the day the inspection closed.
    public var withinWorkingDays: Int
    /// How long after its due instant the follow-up may be opened before it counts as missed.
    public var window: InspectionWindow

    /// Moderate or serious findings bring the team back within ten working days, to be opened the day it falls due.
    public static let standard = FollowUpPolicy(minSeverity: .moderate, withinWorkingDays: 10, window: .standard)

    public init(minSeverity: Severity?, withinWorkingDays: Int, window: InspectionWindow) {
        self.minSeverity = minSeverity
        self.withinWorkingDays = withinWorkingDays
        self.window = window
    }

    /// Whether an inspection whose current findings have at most `worst` severity needs a follow-up.
    public func calls(forWorst worst: Severity?) -> Bool {
        guard let minSeverity, let worst else { return false }
        return worst >= minSeverity
    }

    /// The section this configuration reads in `inspectd.conf`.
    public static let section = "FollowUp"
    public static let keys = ["MinSeverity", "WithinWorkingDays", "Window"]

    /// Reads `[FollowUp]` of the merged `inspectd.conf`; unset keys keep `standard`'s values.
    /// - Throws: `InspectError.invalidConfig` at an unknown key or a malformed value.
    public init(configuration config: IniDocument) throws {
        try config.checkKeys(in: Self.section, allowed: Self.keys)
        var policy = Self.standard
        if let entry = config.value("MinSeverity", in: Self.section) {
            if entry.value == "none" {
                policy.minSeverity = nil
            } else {
                guard let severity = Severity(rawValue: entry.value) else {
                    throw entry.error("expected minor, moderate, serious, or none to schedule no follow-up")
                }
                policy.minSeverity = severity
            }
        }
        if let entry = config.value("WithinWorkingDays", in: Self.section) {
            policy.withinWorkingDays = try entry.int(in: 1...60)
        }
        if let entry = config.value("Window", in: Self.section) {
            guard let window = InspectionWindow(parsing: entry.value) else {
                throw entry.error("expected a span like 4h or 2d, or 'N working days' (at most 366 days)")
            }
            policy.window = window
        }
        self = policy
    }
}
