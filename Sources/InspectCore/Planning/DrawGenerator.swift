import Crypto

/// The deterministic random number generator of a surprise draw, expanded from its seed.
///
/// Block `n` (from 0) is `HMAC-SHA-256(key: seed, message: n as 8 bytes big-endian)`; each 32-byte block gives four
/// `UInt64`s, read big-endian in order. Anyone holding the revealed seed can compute the same numbers with any HMAC
/// implementation, so the draw can be replayed outside inspectd too.
public struct DrawGenerator: RandomNumberGenerator, Sendable {
    private let seed: DrawSeed
    private var counter: UInt64 = 0
    private var buffer: [UInt64] = []
    private var position = 0

    public init(seed: DrawSeed) {
        self.seed = seed
    }

    public mutating func next() -> UInt64 {
        if position == buffer.count { refill() }
        defer { position += 1 }
        return buffer[position]
    }

    /// Computes the next block.
    private mutating func refill() {
        let message = (0..<8).map { UInt8(truncatingIfNeeded: counter >> (56 - 8 * $0)) }
        let block = Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: seed.bytes)))
        buffer = (0..<4).map { word in
            block[word * 8..<word * 8 + 8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
        position = 0
        counter += 1
    }
}
