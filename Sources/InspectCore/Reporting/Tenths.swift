/// A decimal with one digit after the point, held exactly as an integer count of tenths: `15.1` is 151.
///
/// Reports show percentages and rates to one decimal. Keeping them as integers after rounding once (half-up) makes
/// every later step exact: shares add up, differences between periods are the differences of what is shown, and
/// JSON carries the same value the table prints. JSON encodes it as a number (`15.1`).
public struct Tenths: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var tenths: Int

    public init(tenths: Int) { self.tenths = tenths }

    public static func < (lhs: Tenths, rhs: Tenths) -> Bool { lhs.tenths < rhs.tenths }

    public static func - (lhs: Tenths, rhs: Tenths) -> Tenths { Tenths(tenths: lhs.tenths - rhs.tenths) }

    /// The value as a double, for JSON and charts; never used for arithmetic.
    public var value: Double { Double(tenths) / 10 }

    /// `15.1`, `-0.4`, `100.0`: the plain form used in JSON, CSV and `description`.
    public var description: String {
        let magnitude = abs(tenths)
        return (tenths < 0 ? "-" : "") + "\(magnitude / 10).\(magnitude % 10)"
    }

    /// - Throws: `DecodingError.dataCorrupted` for a number whose tenths are no `Int` (a score of `1e39` sent to the
    ///   API), which converting would trap on.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let tenths = Int(exactly: (try container.decode(Double.self) * 10).rounded()) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a number out of range")
        }
        self.tenths = tenths
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
