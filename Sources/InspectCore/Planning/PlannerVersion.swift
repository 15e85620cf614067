/// Which algorithm draws a surprise period: part of the draw's inputs and of its commitment, so that a draw is
/// replayed years later by the algorithm that made it, and nobody can pick another one after the seed is known.
///
/// A version is never changed once shipped; a better algorithm is a new version, and `current` moves to it.
public enum PlannerVersion: Int, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// One greedy draw (see `SurprisePlanner`): when it runs out of days it fails, even if another draw would have
    /// placed every inspection. Draws stored before version 2 name no version and are this one.
    case greedy = 1
    /// The greedy draw, tried again up to `SurprisePlanner.attempts` times with the generator as it stands, then an
    /// exhaustive search: a draw is found whenever one exists (within `DrawSearch.stepLimit`), and otherwise the
    /// error says which rules conflict. Where the first greedy draw succeeds it is the draw, as under `greedy`.
    case searching = 2

    /// The version new draws are made with.
    public static let current = PlannerVersion.searching

    public static func < (lhs: PlannerVersion, rhs: PlannerVersion) -> Bool { lhs.rawValue < rhs.rawValue }
}
