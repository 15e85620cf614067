import InspectVarlink

/// Hostile calls of every method of an interface, generated from the types its description declares, so that a
/// fuzzer iterating over the description covers a method added later without anyone listing it.
///
/// Each call is well-formed JSON (the framing fuzzer covers bytes on the wire) whose values are chosen to break what
/// reads them: integers at the ends of their ranges and of the calendar's (`Int64.min`, `±2^53`, the first second
/// of year 1 and the last of year 9999), texts that are empty, huge, hold NUL, control characters, escape sequences
/// or characters outside the BMP, nulls, wrong shapes, deep nesting, duplicate and unknown members; between them,
/// values a call would really take (the `pools`, by parameter name), so that calls also get past the first check.
///
/// The same seed gives the same calls, so a failure is replayed from the seed it reports:
///
/// ```swift
/// let fuzzer = APIFuzzer(definition: try .parse(InterfaceDescription.text), pools: ["office": [.string("X1")]])
/// var random = SplitMix64(seed: 42)
/// for method in fuzzer.definition.methods { let call = fuzzer.call(method, using: &random) … }
/// ```
public struct APIFuzzer: Sendable {
    public let definition: VarlinkInterfaceDefinition
    public let pools: [String: [VarlinkValue]]

    public init(definition: VarlinkInterfaceDefinition, pools: [String: [VarlinkValue]]) {
        self.definition = definition
        self.pools = pools
    }

    /// One call: the method's qualified name and the message to send, JSON without the terminating NUL.
    public struct Call: Sendable {
        public var method: String
        public var message: String
        /// Whether the message is no Varlink call at all (its parameters not an object, or nested deeper than
        /// ``maxDepth``): the server then closes the connection without a reply, as the protocol has it.
        public var violatesProtocol: Bool
    }

    /// A member of an object: its name and value.
    typealias Member = (String, JSONText)

    /// The deepest nesting of arrays and objects a message may have.
    public static let maxDepth = VarlinkServer.maxNestingDepth

    /// A call of `method` with generated parameters.
    public func call(_ method: VarlinkMethodDefinition, using random: inout some RandomNumberGenerator) -> Call {
        let qualified = "\(definition.name).\(method.name)"
        let parameters: JSONText
        switch Int.random(in: 0..<20, using: &random) {
        case 0:
            // The parameters as something other than an object.
            parameters = wrongShape(using: &random)
        case 1..<5:
            // A call the method would take: it gets past the checks and does its work.
            parameters = .object(method.parameters.compactMap { plausibleMember($0, using: &random) })
        case 5..<12:
            // A call the method would take but for one value, so that the value reaches as far as it can.
            let spoilt = method.parameters.indices.randomElement(using: &random)
            var members: [Member] = []
            for (index, field) in method.parameters.enumerated() {
                if index == spoilt {
                    members.append((field.name, value(field.type, named: field.name, depth: 0, using: &random)))
                } else if let member = plausibleMember(field, using: &random) {
                    members.append(member)
                }
            }
            parameters = .object(members)
        default:
            parameters = object(method.parameters, using: &random)
        }
        let message = JSONText.object([("method", .string(qualified)), ("parameters", parameters)])
        let shape: Bool
        switch parameters {
        case .null, .object: shape = true
        default: shape = false
        }
        return Call(
            method: qualified, message: message.text,
            violatesProtocol: !shape || message.depth > Self.maxDepth || !message.isReadable)
    }

    // MARK: - Values

    /// An object of `fields`: each member plausible, extreme, of the wrong shape, null or missing; now and then an
    /// unknown member or one given twice.
    private func object(
        _ fields: [VarlinkField], depth: Int = 0, using random: inout some RandomNumberGenerator
    )
        -> JSONText
    {
        var members: [(String, JSONText)] = []
        for field in fields {
            switch Int.random(in: 0..<20, using: &random) {
            case 0: continue
            case 1: members.append((field.name, .null))
            case 2: members.append((field.name, wrongShape(using: &random)))
            case 3..<10: members.append((field.name, plausible(field.type, named: field.name, using: &random)))
            default: members.append((field.name, value(field.type, named: field.name, depth: depth, using: &random)))
            }
        }
        if Int.random(in: 0..<8, using: &random) == 0 {
            let name = ["unknown", "", "method", "parameters", "__proto__", "more", "\u{0}", "ÿ"].randomElement(
                using: &random)!
            members.append((name, any(using: &random)))
        }
        if let first = members.first, Int.random(in: 0..<16, using: &random) == 0 {
            members.append((first.0, any(using: &random)))
        }
        members.shuffle(using: &random)
        return .object(members)
    }

    /// A member a call would take; an optional one is left out half the time.
    private func plausibleMember(_ field: VarlinkField, using random: inout some RandomNumberGenerator) -> Member? {
        if case .optional = field.type, Bool.random(using: &random) { return nil }
        return (field.name, plausible(field.type, named: field.name, using: &random))
    }

    /// A value a call would take: from the pool of the parameter's name, or a modest value of its type.
    private func plausible(
        _ type: VarlinkType, named name: String, using random: inout some RandomNumberGenerator
    )
        -> JSONText
    {
        if let pool = pools[name], let value = pool.randomElement(using: &random), !isStructure(type) {
            return JSONText(value)
        }
        switch type {
        case .bool: return .bool(Bool.random(using: &random))
        case .int: return .int(Int64.random(in: 0...1000, using: &random))
        case .float: return .raw("1.5")
        case .string: return .string("x")
        case .object, .map: return .object([])
        case .optional(let wrapped): return plausible(wrapped, named: name, using: &random)
        case .enum(let cases): return .string(cases.randomElement(using: &random) ?? "")
        case .array(let element): return .array([plausible(element, named: name, using: &random)])
        case .struct(let fields):
            return .object(fields.map { ($0.name, plausible($0.type, named: $0.name, using: &random)) })
        case .named(let typeName):
            guard let declared = definition.types.first(where: { $0.name == typeName }) else { return .object([]) }
            return plausible(declared.type, named: name, using: &random)
        }
    }

    /// A value of `type` chosen to break what reads it.
    private func value(
        _ type: VarlinkType, named name: String, depth: Int, using random: inout some RandomNumberGenerator
    ) -> JSONText {
        switch type {
        case .bool: return .bool(Bool.random(using: &random))
        case .int: return integer(using: &random)
        case .float:
            return [.raw("1e308"), .raw("-0.0"), .raw("5e-324"), integer(using: &random)].randomElement(
                using: &random)!
        case .string:
            if let pool = pools[name], let value = pool.randomElement(using: &random)?.stringValue,
                Bool.random(using: &random)
            {
                return .string(mutated(value, using: &random))
            }
            return .string(text(using: &random))
        case .object, .map:
            return depth < 3 && Bool.random(using: &random) ? any(using: &random) : deep(using: &random)
        case .optional(let wrapped):
            return value(wrapped, named: name, depth: depth, using: &random)
        case .enum(let cases):
            return Bool.random(using: &random)
                ? .string(cases.randomElement(using: &random) ?? "") : .string(text(using: &random))
        case .array(let element):
            switch Int.random(in: 0..<6, using: &random) {
            case 0: return .array([])
            case 1: return deep(using: &random)
            case 2:
                // Many elements, all the same: a list the call would take, only long.
                let one = plausible(element, named: name, using: &random)
                return .array(Array(repeating: one, count: Int.random(in: 100...2000, using: &random)))
            default:
                guard depth < 3 else { return .array([]) }
                return .array(
                    (0..<Int.random(in: 1...4, using: &random)).map { _ in
                        value(element, named: name, depth: depth + 1, using: &random)
                    })
            }
        case .struct(let fields):
            guard depth < 3 else { return deep(using: &random) }
            return object(fields, depth: depth + 1, using: &random)
        case .named(let typeName):
            guard let declared = definition.types.first(where: { $0.name == typeName }) else { return .object([]) }
            return value(declared.type, named: name, depth: depth, using: &random)
        }
    }

    /// Integers at the ends of every range that matters: 64 and 32 bits, exact doubles, the calendar's years 1 and
    /// 9999, the documented instants (1970 to 2099), counts; or random ones.
    static let boundaryIntegers: [Int64] = [
        .min, .min + 1, .max, .max - 1, 0, -1, 1, 2, -2,
        1 << 53, -(1 << 53), (1 << 53) + 1, -(1 << 53) - 1,
        Int64(Int32.max), Int64(Int32.min), Int64(Int32.max) + 1, Int64(UInt32.max), -Int64(UInt32.max),
        -62_135_596_800, -62_135_596_801,  // 0001-01-01 00:00:00 UTC and the second before
        253_402_300_799, 253_402_300_800,  // 9999-12-31 23:59:59 UTC and the second after
        4_102_444_799, 4_102_444_800,  // the last instant inspectd takes, and the first it refuses
        -86400, 86_399, 86_400, 1_804_042_800, 100_000, 100_001, 1 << 40, -(1 << 40),
        .max / 86400, .min / 86400, .max / 1000, .max / 60,
    ]

    private func integer(using random: inout some RandomNumberGenerator) -> JSONText {
        switch Int.random(in: 0..<12, using: &random) {
        case 0: return .int(Int64.random(in: .min ... .max, using: &random))
        case 2:
            // Instants are taken as ISO 8601 text too.
            return .string(
                [
                    "0001-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00", "292277026596-12-04T15:30:07Z",
                    "-292277022657-01-27T08:29:52Z", "2027-03-03T10:00:00+99:99", "2027-03-03T10:00:00-23:59",
                    "99999999999999999999-01-01T00:00:00Z", "2027-02-29T00:00:00Z", "2027-03-03T24:00:00Z", "",
                ].randomElement(using: &random)!)
        case 1:
            // Numbers JSON allows and an Int64 does not hold, or holds only after conversion.
            if Int.random(in: 0..<8, using: &random) == 0 { return .unreadable("1e400") }
            return .raw(
                [
                    "9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e19", "-1e19", "1.5",
                    "-0", "1E2", "0.0000001", "100000000000000000000000000000000000000",
                ].randomElement(using: &random)!)
        default: return .int(Self.boundaryIntegers.randomElement(using: &random)!)
        }
    }

    /// Texts that break parsers, printers and length checks.
    static let boundaryTexts: [String] = [
        "", " ", "\u{0}", "a\u{0}b", "\u{1}", "\u{7}", "\u{8}", "\u{7F}", "\u{85}", "\r", "\n", "\r\n", "\t",
        "\u{1B}[31mred\u{1B}[0m", "\u{1B}]0;title\u{7}", "\u{1B}c", "\u{9B}31m",
        "😀", "𝔘𝔫𝔦", "\u{10FFFF}", "\u{FFFF}", "\u{FEFF}", "\u{202E}dlrow", "e\u{301}\u{301}\u{301}", "Đoàn kiểm tra",
        "%s%s%n", "'; DROP TABLE finding; --", "\"", "\\", "../../etc/passwd", "/dev/zero", "NaN", "null",
        "-9223372036854775808", "9223372036854775808", "0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01",
        "2027-02-29", "2027-13-01", "-2027-01-01", "24:00:00", "23:59:60", "-01:00", "99:99", "7:5",
        "office", "month", "type", "category", "kind",
    ]

    private func text(using random: inout some RandomNumberGenerator) -> String {
        switch Int.random(in: 0..<8, using: &random) {
        case 0:
            // Around the documented lengths (200 for names, 2000 for notes), or far over them.
            let length = [199, 200, 201, 1999, 2000, 2001, 65_536].randomElement(using: &random)!
            let unit = ["a", "ệ", "😀", "\u{1B}"].randomElement(using: &random)!
            return String(repeating: unit, count: length)
        case 1:
            return String(
                (0..<Int.random(in: 1...16, using: &random)).map { _ in
                    Character(Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &random)))
                })
        default: return Self.boundaryTexts.randomElement(using: &random)!
        }
    }

    /// A value the call would take, spoilt.
    private func mutated(_ value: String, using random: inout some RandomNumberGenerator) -> String {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: value + "\u{0}"
        case 1: value.lowercased()
        case 2: " " + value
        case 3: value + "\u{1B}[2J"
        case 4: String(repeating: value, count: 300)
        default: value + text(using: &random)
        }
    }

    /// A value of a shape nothing expects here.
    private func wrongShape(using random: inout some RandomNumberGenerator) -> JSONText {
        switch Int.random(in: 0..<7, using: &random) {
        case 0: .null
        case 1: .bool(true)
        case 2: integer(using: &random)
        case 3: .string(text(using: &random))
        case 4: .array([.int(1), .string("x"), .null])
        case 5: .object([("a", .object([("b", .array([]))]))])
        default: deep(using: &random)
        }
    }

    /// Any value, of any shape.
    private func any(using random: inout some RandomNumberGenerator) -> JSONText {
        Bool.random(using: &random) ? wrongShape(using: &random) : .string(text(using: &random))
    }

    /// Arrays or objects nested hundreds or thousands deep.
    private func deep(using random: inout some RandomNumberGenerator) -> JSONText {
        // Deep, within what the server takes, and far beyond it.
        .nested(depth: [8, 24, 500, 5000].randomElement(using: &random)!, arrays: Bool.random(using: &random))
    }

    private func isStructure(_ type: VarlinkType) -> Bool {
        switch type {
        case .struct: true
        case .optional(let wrapped): isStructure(wrapped)
        case .named(let name):
            definition.types.first { $0.name == name }.map { declared in
                if case .struct = declared.type { true } else { false }
            } ?? false
        default: false
        }
    }
}

/// JSON as the fuzzer writes it: members in a chosen order, a member given twice, numbers no `Int64` holds, and
/// nesting deeper than an encoder would write, all spelled out.
indirect enum JSONText: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])
    /// Text written as it is.
    case raw(String)
    /// A number JSON allows and the decoder refuses outright (`1e400`, out of a double's range): the message is
    /// then unreadable, as one nested too deep is.
    case unreadable(String)
    /// Arrays (`[[[]]]`) or objects (`{"a":{"a":1}}`) nested `depth` deep.
    case nested(depth: Int, arrays: Bool)

    /// Whether the decoder reads it, given that it nests no deeper than it takes.
    var isReadable: Bool {
        switch self {
        case .unreadable: false
        case .array(let elements): elements.allSatisfy(\.isReadable)
        case .object(let members): members.allSatisfy(\.1.isReadable)
        default: true
        }
    }

    /// How deep arrays and objects nest in it.
    var depth: Int {
        switch self {
        case .null, .bool, .int, .string, .raw, .unreadable: 0
        case .nested(let depth, _): depth
        case .array(let elements): 1 + (elements.map(\.depth).max() ?? 0)
        case .object(let members): 1 + (members.map(\.1.depth).max() ?? 0)
        }
    }

    init(_ value: VarlinkValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .float(let number): self = .raw("\(number)")
        case .string(let text): self = .string(text)
        case .array(let elements): self = .array(elements.map(JSONText.init))
        case .object(let members):
            self = .object(members.sorted { $0.key < $1.key }.map { ($0.key, JSONText($0.value)) })
        }
    }

    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .raw(let text), .unreadable(let text): out += text
        case .nested(let depth, let arrays):
            out +=
                arrays
                ? String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                : String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        case .string(let text): Self.quote(text, to: &out)
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                element.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (name, value)) in members.enumerated() {
                if index > 0 { out += "," }
                Self.quote(name, to: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    private static func quote(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
