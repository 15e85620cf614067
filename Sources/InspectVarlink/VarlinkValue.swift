import Foundation

/// A JSON value as Varlink carries it in `parameters`.
///
/// Varlink parameters are plain JSON objects. Handlers that do not want a `Codable` type of their own (and errors,
/// whose parameters differ by name) read and write them as this value. Integers stay exact 64-bit values rather than
/// passing through `Double`, because identifiers and Unix times must survive a round trip.
public enum VarlinkValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case array([VarlinkValue])
    case object([String: VarlinkValue])

    /// The value of `key` when this is an object holding it.
    public subscript(key: String) -> VarlinkValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The text when this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number when this is an integer.
    public var intValue: Int64? {
        if case .int(let number) = self { return number }
        return nil
    }

    /// The members when this is an object.
    public var objectValue: [String: VarlinkValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The JSON form of an `Encodable` value, for replies built from the caller's own types.
    ///
    /// - Throws: `EncodingError` when the value cannot be encoded.
    public init(encoding value: some Encodable) throws {
        self = try JSONDecoder().decode(VarlinkValue.self, from: VarlinkJSON.encode(value))
    }

    /// Decodes this value as `type`, for typed access to dynamic parameters.
    ///
    /// - Throws: `DecodingError` when the value does not have the shape of `type`.
    public func decode<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(type, from: VarlinkJSON.encode(self))
    }
}

extension VarlinkValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int64.self) {
            self = .int(number)
        } else if let number = try? container.decode(Double.self) {
            self = .float(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let elements = try? container.decode([VarlinkValue].self) {
            self = .array(elements)
        } else {
            self = .object(try container.decode([String: VarlinkValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .int(let number): try container.encode(number)
        case .float(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let elements): try container.encode(elements)
        case .object(let members): try container.encode(members)
        }
    }
}

extension VarlinkValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: VarlinkValue...) { self = .array(elements) }

    public init(dictionaryLiteral elements: (String, VarlinkValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// The one JSON encoding used on the wire: sorted keys keep messages reproducible, and slashes stay readable.
enum VarlinkJSON {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
