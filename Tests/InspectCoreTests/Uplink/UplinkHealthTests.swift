import InspectCore
import Testing

/// ``UplinkHealth`` says each change once: behind when the oldest fact waiting is older than allowed, caught up when
/// nothing waits, diverged the first time it is seen.
struct UplinkHealthTests {
    static let zone = LocalZone.utc

    static func round(
        waiting: Int, oldest: Int64?, sent: Int = 0, error: String? = nil, diverged: String? = nil
    )
        -> UplinkHealth.Round
    {
        .init(
            waiting: waiting, oldest: oldest.map(Instant.init(seconds:)), sent: sent, error: error,
            diverged: diverged)
    }

    @Test("behind once while it lasts, caught up once with what was sent meanwhile")
    func behindThenCaughtUp() {
        var health = UplinkHealth()
        let kinds = { (round: UplinkHealth.Round, now: Int64) in
            health.observe(round, now: Instant(seconds: now), behindAfter: 300, zone: Self.zone).map(\.kind)
        }
        #expect(kinds(Self.round(waiting: 5, oldest: 1000), 1200) == [])
        #expect(health.status == nil)
        #expect(kinds(Self.round(waiting: 9, oldest: 1000, error: "refused"), 1301) == [.uplinkBehind])
        #expect(health.status == "uplink behind: 9 facts waiting")
        #expect(kinds(Self.round(waiting: 12, oldest: 1000, error: "refused"), 1400) == [])
        #expect(kinds(Self.round(waiting: 4, oldest: 1350, sent: 8), 1700) == [])
        let caughtUp = health.observe(
            Self.round(waiting: 0, oldest: nil, sent: 4), now: Instant(seconds: 1710), behindAfter: 300,
            zone: Self.zone)
        #expect(caughtUp.map(\.kind) == [.uplinkCaughtUp])
        #expect(caughtUp.first?.fields["COUNT"] == "12")
        #expect(health.status == nil)
        #expect(kinds(Self.round(waiting: 0, oldest: nil), 1800) == [])
    }

    @Test("a divergence is said once, and stays in the status")
    func divergedOnce() {
        var health = UplinkHealth()
        let first = health.observe(
            Self.round(waiting: 0, oldest: nil, diverged: "cut"), now: Instant(seconds: 0), behindAfter: 300,
            zone: Self.zone)
        let second = health.observe(
            Self.round(waiting: 0, oldest: nil, diverged: "cut"), now: Instant(seconds: 10), behindAfter: 300,
            zone: Self.zone)
        #expect(first.map(\.kind) == [.uplinkDiverged])
        #expect(second.isEmpty)
        #expect(health.status == "uplink diverged from the center")
    }
}
