/// The secret behind one surprise draw: 32 bytes from the system's CSPRNG.
///
/// At draw time only `SHA-256(seed ‖ inputs)` is published (see `DrawInputs.commitment(seed:)`); the seed is kept
/// secret until the period is over, then revealed so anyone can replay the draw. The type has no text description,
/// so it cannot leak into a log line by accident: ask for `hex` explicitly.
public struct DrawSeed: Hashable, Sendable, Codable {
    /// The length of a seed in bytes: 256 bits.
    public static let byteCount = 32

    public let bytes: [UInt8]

    /// A seed from exactly `byteCount` bytes; nil otherwise.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = bytes
    }

    /// A seed from 64 hexadecimal digits; nil otherwise.
    public init?(hex: String) {
        guard let bytes = Hex.decode(hex) else { return nil }
        self.init(bytes: bytes)
    }

    /// A fresh seed. In production pass a `SystemRandomness`, the operating system's CSPRNG; tests pass
    /// a seeded generator.
    public static func random(using rng: inout some RandomNumberGenerator) -> DrawSeed {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        for _ in 0..<byteCount / 8 {
            let word = rng.next()
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> shift)) }
        }
        return DrawSeed(bytes: bytes)!
    }

    /// 64 lower-case hexadecimal digits.
    public var hex: String { Hex.encode(bytes) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let seed = DrawSeed(hex: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "a draw seed is 64 hexadecimal digits"))
        }
        self = seed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
