import Foundation
import InspectTesting
import Testing

/// The schedule cannot wedge: random sequences of everything that happens to it keep its promises after every step.
///
/// `INSPECTD_MODEL_SEQUENCES` and `INSPECTD_MODEL_STEPS` make the run longer (defaults below);
/// `INSPECTD_MODEL_SEED` replays one sequence, as a failure reports it.
@Suite("Schedule model")
struct ScheduleModelTests {
    static let environment = ProcessInfo.processInfo.environment
    static let sequences = environment["INSPECTD_MODEL_SEQUENCES"].flatMap(Int.init) ?? 16
    static let steps = environment["INSPECTD_MODEL_STEPS"].flatMap(Int.init) ?? 30

    /// What a run of the default size must have done at least once, or it tested less than it claims.
    static let events = [
        "cancel planned", "cancel surprise", "cancel follow-up", "cancel ad-hoc", "ad hoc at a planned instant",
        "open planned", "close with a follow-up", "reload adding a plan", "reload removing a plan",
        "reload editing a plan", "clock set forward", "clock set back", "clock jump noticed", "restart", "marked due",
        "marked missed", "plans applied as a period turns or a day begins", "period drawn ahead",
        "period drawn after it began",
    ]

    @Test("after every step of random sequences plans apply, periods are drawn once, occurrences are not duplicated")
    func randomSequences() throws {
        let replay = Self.environment["INSPECTD_MODEL_SEED"].flatMap { UInt64($0) }
        let seeds = replay.map { [$0] } ?? (1...UInt64(Self.sequences)).map { 20_270_000 + $0 }
        var tally: [String: Int] = [:]
        for seed in seeds {
            var model = try ScheduleModel(seed: seed)
            do {
                try model.begin()
                try model.check()
                for _ in 0..<Self.steps {
                    try model.step()
                    try model.check()
                }
            } catch {
                Issue.record(
                    """
                    sequence \(seed) failed: \(error)
                    replay with INSPECTD_MODEL_SEED=\(seed) INSPECTD_MODEL_STEPS=\(Self.steps); its steps:
                    \(model.log.enumerated().map { "  \($0.offset). \($0.element)" }.joined(separator: "\n"))
                    """)
                return
            }
            tally.merge(model.tally, uniquingKeysWith: +)
        }
        print(
            "schedule model: \(seeds.count) sequences × \(Self.steps) steps; "
                + tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        guard replay == nil, Self.sequences * Self.steps >= 480 else { return }
        for event in Self.events {
            #expect(tally[event] ?? 0 > 0, "no sequence reached '\(event)'")
        }
    }
}
