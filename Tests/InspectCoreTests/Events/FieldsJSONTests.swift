import Foundation
import InspectCore
import InspectTesting
import Testing

/// `FieldsJSON` writes what `JSONEncoder` wrote for the outbox, and reads nothing differently from `JSONDecoder`:
/// a text it reads gives the same fields, and a text it declines is left to `JSONDecoder`.
@Suite("Event fields as JSON without Codable")
struct FieldsJSONTests {
    private static let pieces = [
        "A", "z", "_", "0", " ", "/", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1F}", "\u{7F}",
        "ệ", "Ư", "\u{202E}", "\u{FEFF}", "😀", "{", "}", ":", ",",
    ]

    private static func text(_ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    private static func fields(_ random: inout SplitMix64) -> [String: String] {
        var fields: [String: String] = [:]
        for _ in 0..<Int.random(in: 0...6, using: &random) { fields[text(&random)] = text(&random) }
        return fields
    }

    private static func decoded(_ text: String) -> [String: String]? {
        try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }

    @Test("2,000 generated field sets are written byte for byte as JSONEncoder wrote them, and read back by both")
    func writesAsBefore() throws {
        var random = SplitMix64(seed: 7)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for _ in 0..<2000 {
            let fields = Self.fields(&random)
            let written = FieldsJSON.encode(fields)
            #expect(written == String(decoding: try encoder.encode(fields), as: UTF8.self))
            #expect(FieldsJSON.decode(written) == fields)
            #expect(Self.decoded(written) == fields)
        }
    }

    @Test("edge texts are read as JSONDecoder reads them, or declined")
    func edges() {
        let read: [(String, [String: String]?)] = [
            ("{}", [:]), (" \n{ }\t", [:]), (#"{"a":"b"}"#, ["a": "b"]),
            (#"{ "a" : "b" , "c":"d" }"#, ["a": "b", "c": "d"]),
            (#"{"a":"\/\"\\\b\f\n\r\t"}"#, ["a": "/\"\\\u{8}\u{C}\n\r\t"]), (#"{"a":"\u00e9\u0000"}"#, ["a": "é\u{0}"]),
            (#"{"a":"\ud83d\ude00"}"#, ["a": "😀"]), (#"{"a":"\uD83D\uDE00"}"#, ["a": "😀"]),
        ]
        for (text, fields) in read {
            #expect(FieldsJSON.decode(text) == fields, "\(text)")
            #expect(Self.decoded(text) == fields, "\(text)")
        }
        let declined = [
            "", "{", "}", "[]", #"{"a":"b",}"#, #"{"a":"b","a":"c"}"#, #"{"a":1}"#, #"{"a":null}"#, #"{"a":"b"} x"#,
            #"{"a":"\ud83d"}"#, #"{"a":"\ude00"}"#, #"{"a":"\ud83d\u0041"}"#, #"{"a":"\x"}"#, #"{"a":"\u12"}"#,
            "{\"a\":\"\n\"}", "\u{FEFF}{}", #"{a:"b"}"#, #"{"a" "b"}"#,
        ]
        for text in declined { #expect(FieldsJSON.decode(text) == nil, "\(text)") }
    }

    @Test("20,000 damaged texts: whatever FieldsJSON reads, JSONDecoder reads the same")
    func damagedTexts() throws {
        var random = SplitMix64(seed: 18)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let damage = Array(#"{}[]:,"\/ ubnrtf0aAdD8ÿ"#.utf8) + [0x00, 0x0A, 0x80, 0xC3]
        var read = 0
        for _ in 0..<20_000 {
            var bytes = Array(try encoder.encode(Self.fields(&random)))
            for _ in 0..<Int.random(in: 0...2, using: &random) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(damage.randomElement(using: &random)!, at: at)
                default: bytes[at] = damage.randomElement(using: &random)!
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let fields = FieldsJSON.decode(text) else { continue }
            read += 1
            #expect(Self.decoded(text) == fields, "\(text)")
        }
        #expect(read > 5000)
    }
}
