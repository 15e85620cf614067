/// The system's CSPRNG, as a generator the planners and draws take `inout`: what production passes wherever a test
/// passes a seeded `SplitMix64`.
///
/// It draws from the standard library's `SystemRandomNumberGenerator` but, unlike it, has a stored property. An
/// `inout` access to an empty struct has no real address, and ThreadSanitizer's instrumentation of that access
/// dereferences whatever the register holds: `scripts/sanitize thread` crashed (SEGV, no race) in code that passed a
/// local `SystemRandomNumberGenerator` this way.
public struct SystemRandomness: RandomNumberGenerator, Sendable {
    /// Draws made, which gives the struct its size.
    public private(set) var draws: UInt64 = 0

    public init() {}

    public mutating func next() -> UInt64 {
        draws &+= 1
        return UInt64.random(in: .min ... .max)
    }
}
