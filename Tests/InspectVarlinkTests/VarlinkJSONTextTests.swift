import Foundation
import InspectTesting
import Testing

@testable import InspectVarlink

/// ``VarlinkJSONText`` against the `Codable` path it stands in for on the client: `JSONEncoder` writing and
/// `JSONDecoder` reading ``VarlinkValue``. Both must give the same values, and refuse the same texts.
@Suite("Varlink JSON text without Codable")
struct VarlinkJSONTextTests {
    /// What `JSONDecoder` reads from `json` as a value, or nil when it refuses it.
    static func foundation(_ json: [UInt8]) -> VarlinkValue? {
        try? JSONDecoder().decode(VarlinkValue.self, from: Data(json))
    }

    static func text(_ json: [UInt8]) -> VarlinkValue? {
        try? json.withUnsafeBytes { try VarlinkJSONText.decode($0, maxDepth: 64) }
    }

    static let strings = [
        "", "a", "Nhân Lý", "quote \" and \\ back", "a/b", "tab\tnew\nline\r", "\u{0}\u{1}\u{1F}\u{7F}", "😀 𝄞",
        "\u{2028}\u{2029}", "ghi chú", "\u{8}\u{C}",
    ]

    static func value(_ random: inout SplitMix64, depth: Int = 0) -> VarlinkValue {
        switch Int.random(in: depth > 3 ? 0..<5 : 0..<7, using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2:
            let edges: [Int64] = [0, -1, 1, .max, .min, 9_007_199_254_740_993]
            return .int(
                Bool.random(using: &random)
                    ? edges.randomElement(using: &random)! : Int64.random(in: -1000...1000, using: &random))
        case 3:
            let edges = [0.5, -2.25, 1e300, 1e-300, 0.1, 123456.789, Double.leastNonzeroMagnitude, 1.5e20]
            return .float(edges.randomElement(using: &random)!)
        case 4: return .string(strings.randomElement(using: &random)!)
        case 5: return .array((0..<Int.random(in: 0...3, using: &random)).map { _ in value(&random, depth: depth + 1) })
        default:
            var members: [String: VarlinkValue] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                members[strings.randomElement(using: &random)!] = value(&random, depth: depth + 1)
            }
            return .object(members)
        }
    }

    @Test("values written by either are read back the same by both")
    func writesRoundTrip() throws {
        var random = SplitMix64(seed: 20_261_207)
        for _ in 0..<2_000 {
            let value = Self.value(&random)
            let ours = try VarlinkJSONText.encode(value)
            let theirs = [UInt8](try VarlinkJSON.encode(value))
            #expect(Self.foundation(ours) == value, "\(String(decoding: ours, as: UTF8.self))")
            #expect(Self.text(ours) == value)
            #expect(Self.text(theirs) == value, "\(String(decoding: theirs, as: UTF8.self))")
        }
    }

    @Test("keys come out sorted and slashes unescaped, as VarlinkJSON writes them")
    func writesAsVarlinkJSON() throws {
        let value: VarlinkValue = ["b": "a/b", "a": [1, 2.5, nil, true], "c": ["y": "x", "x": ""]]
        #expect(try VarlinkJSONText.encode(value) == [UInt8](try VarlinkJSON.encode(value)))
        #expect(throws: VarlinkJSONText.Failure.self) { try VarlinkJSONText.encode(.float(.nan)) }
        #expect(throws: VarlinkJSONText.Failure.self) { try VarlinkJSONText.encode(.float(.infinity)) }
    }

    /// Texts `JSONDecoder` and the JSON grammar might read differently: each must be read as `JSONDecoder` reads it.
    static let edgeTexts = [
        "1", "-0", "0.0", "1.0", "1e2", "1E+2", "-1.5e-3", "01", "-", "1.", ".5", "1e", "+1", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "1e400", "true", "tru", "nul", "null ", " [ ] ", "[1,]",
        "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":1,\"a\":2}", "\"\\u00e9\"", "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"", "\"\\ude00\"", "\"\\x\"", "\"a\u{1}\"", "\"\\/\"", "[1] [2]", "", "  ", "\"abc",
        "{\"a\":[{\"b\":null}]}", "[1e-400]", "NaN", "Infinity", "-Infinity", "9007199254740993.0",
        "9.007199254740993e15", "-9223372036854775808.0", "9223372036854775807.5", "1e19", "-0.0",
        "12345678901234567890e-2", "9.007199254740989e+18", "-9.2233720368547758e18", "4611686018427387904.7",
    ]

    @Test("edge texts are read or refused as JSONDecoder reads them", arguments: edgeTexts)
    func edgeTextsAgree(text: String) {
        #expect(Self.text(Array(text.utf8)) == Self.foundation(Array(text.utf8)))
    }

    @Test("damaged texts are read or refused as JSONDecoder reads them")
    func damagedTextsAgree() throws {
        var random = SplitMix64(seed: 7)
        let alphabet = Array("{}[]\",:\\/u0123456789abcdefnrtulse.-+E \u{1}".utf8) + [0xC3, 0xA9, 0xFF]
        var read = 0
        for _ in 0..<20_000 {
            var json = try VarlinkJSONText.encode(Self.value(&random))
            for _ in 0..<Int.random(in: 1...2, using: &random) where !json.isEmpty {
                let at = Int.random(in: 0..<json.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: json.remove(at: at)
                case 1: json.insert(alphabet.randomElement(using: &random)!, at: at)
                default: json[at] = alphabet.randomElement(using: &random)!
                }
            }
            let ours = Self.text(json)
            #expect(ours == Self.foundation(json), "\(String(decoding: json, as: UTF8.self))")
            if ours != nil { read += 1 }
        }
        // Damage leaves some texts valid: both readers must have met those too.
        #expect(read > 100)
    }

    @Test("nesting past the limit is refused, at the limit read")
    func depthLimit() {
        let limit = 8
        let atLimit = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        let past = "{\"a\":" + atLimit + "}"
        #expect((try? Array(atLimit.utf8).withUnsafeBytes { try VarlinkJSONText.decode($0, maxDepth: limit) }) != nil)
        #expect(throws: VarlinkJSONText.Failure.self) {
            try Array(past.utf8).withUnsafeBytes { try VarlinkJSONText.decode($0, maxDepth: limit) }
        }
    }
}
