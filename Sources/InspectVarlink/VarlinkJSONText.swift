import InspectCore

/// JSON text to and from ``VarlinkValue`` without `Codable`, for the client's calls.
///
/// A one-shot command makes one call, and through `JSONEncoder` and `JSONDecoder` its first call had the Swift runtime
/// instantiate their generic containers for every type on the way, each time scanning the program's conformance
/// records: a third of `inspectctl finding log`'s time through the socket went there (README, "Speed"). A
/// ``VarlinkValue`` needs none of that: it is JSON already. The server keeps `JSONDecoder`, whose handling of hostile
/// input the fuzzers check; the tests hold this reader to the same values and the same refusals.
enum VarlinkJSONText {
    /// A value JSON cannot carry (an infinite or NaN number), or text that is not one JSON value.
    struct Failure: Error, Equatable {
        var reason: String
    }

    // MARK: - Writing

    /// `value` as JSON, object keys in ascending order and slashes unescaped, as ``VarlinkJSON`` writes them.
    static func encode(_ value: VarlinkValue) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        try write(value, to: &bytes)
        return bytes
    }

    static func write(_ value: VarlinkValue, to bytes: inout [UInt8]) throws(Failure) {
        switch value {
        case .null: bytes += "null".utf8
        case .bool(let flag): bytes += (flag ? "true" : "false").utf8
        case .int(let number): bytes += String(number).utf8
        case .float(let number):
            guard number.isFinite else { throw Failure(reason: "\(number) is not a JSON number") }
            bytes += number.description.utf8
        case .string(let text): FieldsJSON.appendString(text, to: &bytes)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try write(element, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                FieldsJSON.appendString(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                try write(members[key]!, to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    // MARK: - Reading

    /// The one JSON value `json` holds, with arrays and objects nested at most `maxDepth` deep.
    static func decode(_ json: UnsafeRawBufferPointer, maxDepth: Int) throws(Failure) -> VarlinkValue {
        var reader = Reader(bytes: json, maxDepth: maxDepth)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.offset == json.count else { throw Failure(reason: "text after the value") }
        return value
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        let maxDepth: Int
        var offset = 0

        init(bytes: UnsafeRawBufferPointer, maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        var next: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        mutating func skipSpace() {
            while let byte = next, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
        }

        mutating func expect(_ byte: UInt8) throws(Failure) {
            guard next == byte else { throw Failure(reason: "expected '\(Character(Unicode.Scalar(byte)))'") }
            offset += 1
        }

        mutating func value(depth: Int) throws(Failure) -> VarlinkValue {
            switch next ?? 0 {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < maxDepth else { throw Failure(reason: "nested deeper than \(maxDepth) levels") }
                return next == UInt8(ascii: "{") ? try object(depth: depth + 1) : try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw Failure(reason: "no JSON value at byte \(offset)")
            }
        }

        mutating func literal(_ word: StaticString, _ value: VarlinkValue) throws(Failure) -> VarlinkValue {
            let matches = word.withUTF8Buffer { expected in
                offset + expected.count <= bytes.count
                    && expected.indices.allSatisfy { expected[$0] == bytes[offset + $0] }
            }
            guard matches else { throw Failure(reason: "no JSON value at byte \(offset)") }
            offset += word.utf8CodeUnitCount
            return value
        }

        mutating func object(depth: Int) throws(Failure) -> VarlinkValue {
            offset += 1
            var members: [String: VarlinkValue] = [:]
            if closes(UInt8(ascii: "}")) { return .object(members) }
            while true {
                skipSpace()
                guard next == UInt8(ascii: "\"") else { throw Failure(reason: "an object's key must be a string") }
                let key = try string()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                // The first of a repeated key counts, as for JSONDecoder.
                let member = try value(depth: depth)
                if members[key] == nil { members[key] = member }
                if closes(UInt8(ascii: "}")) { return .object(members) }
                try expect(UInt8(ascii: ","))
                if closes(UInt8(ascii: "}")) { return .object(members) }
            }
        }

        mutating func array(depth: Int) throws(Failure) -> VarlinkValue {
            offset += 1
            var elements: [VarlinkValue] = []
            if closes(UInt8(ascii: "]")) { return .array(elements) }
            while true {
                skipSpace()
                elements.append(try value(depth: depth))
                if closes(UInt8(ascii: "]")) { return .array(elements) }
                try expect(UInt8(ascii: ","))
                if closes(UInt8(ascii: "]")) { return .array(elements) }
            }
        }

        /// Whether `bracket` comes next, after any white space, taking it if so: it ends an array or object when it
        /// opens it, follows a member, or follows a comma (JSONDecoder allows that trailing comma).
        mutating func closes(_ bracket: UInt8) -> Bool {
            skipSpace()
            guard next == bracket else { return false }
            offset += 1
            return true
        }

        /// A string, its escapes resolved; the text must be UTF-8 and hold no unescaped control character.
        mutating func string() throws(Failure) -> String {
            offset += 1
            var text: [UInt8] = []
            while let byte = next {
                offset += 1
                switch byte {
                case UInt8(ascii: "\""):
                    guard let string = String(validating: text, as: UTF8.self) else {
                        throw Failure(reason: "a string is not UTF-8")
                    }
                    return string
                case UInt8(ascii: "\\"): try escape(into: &text)
                case 0..<0x20: throw Failure(reason: "a control character in a string")
                default: text.append(byte)
                }
            }
            throw Failure(reason: "a string does not end")
        }

        mutating func escape(into text: inout [UInt8]) throws(Failure) {
            guard let byte = next else { throw Failure(reason: "a string does not end") }
            offset += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hexUnit()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard next == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u")
                    else { throw Failure(reason: "a lone surrogate in a string") }
                    offset += 2
                    let low = try hexUnit()
                    guard (0xDC00..<0xE000).contains(low) else { throw Failure(reason: "a lone surrogate in a string") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else {
                    throw Failure(reason: "a lone surrogate in a string")
                }
                text += UTF8.encode(unicode)!
            default: throw Failure(reason: "an unknown escape in a string")
            }
        }

        mutating func hexUnit() throws(Failure) -> UInt32 {
            var unit: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = next, let digit = Self.hexDigit(byte) else {
                    throw Failure(reason: "\\u needs four hexadecimal digits")
                }
                unit = unit << 4 | digit
                offset += 1
            }
            return unit
        }

        static func hexDigit(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        /// A number as JSON writes it: an integer when it has neither fraction nor exponent and fits 64 bits.
        mutating func number() throws(Failure) -> VarlinkValue {
            let start = offset
            if next == UInt8(ascii: "-") { offset += 1 }
            guard next == UInt8(ascii: "0") || digits() > 0 else { throw Failure(reason: "a number needs digits") }
            if next == UInt8(ascii: "0") {
                offset += 1
                if let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    throw Failure(reason: "a number cannot start with 0")
                }
            }
            var integral = true
            if next == UInt8(ascii: ".") {
                offset += 1
                integral = false
                guard digits() > 0 else { throw Failure(reason: "a number needs digits after '.'") }
            }
            if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
                offset += 1
                integral = false
                if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { offset += 1 }
                guard digits() > 0 else { throw Failure(reason: "a number needs digits in its exponent") }
            }
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
            if integral, let number = Int64(text) { return .int(number) }
            guard let number = Double(text), number.isFinite else {
                throw Failure(reason: "\(text) is out of range")
            }
            return Self.wholeNumber(text, number).map { .int($0) } ?? .float(number)
        }

        /// A number written with a fraction or an exponent that is a whole 64-bit number all the same ("1.0", "1e2"),
        /// read as an integer, as JSONDecoder reads it: exactly, through its double below 2^53, else from its
        /// decimal digits (a fraction dropped).
        static func wholeNumber(_ text: String, _ number: Double) -> Int64? {
            guard let whole = Int64(exactly: number) else { return nil }
            if number.magnitude < 0x1p53 { return whole }
            let negative = text.hasPrefix("-")
            let parts = text.drop { $0 == "-" }.split(
                maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: { $0 == "e" || $0 == "E" })
            guard var exponent = parts.count == 2 ? Int(parts[1]) : 0 else { return nil }
            let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
            if mantissa.count == 2 { exponent -= mantissa[1].count }
            var digits = Substring(mantissa.joined()).drop { $0 == "0" }
            while digits.last == "0" {
                digits.removeLast()
                exponent += 1
            }
            guard var value = UInt64(digits.isEmpty ? "0" : digits) else { return nil }
            while exponent < 0 {
                value /= 10
                exponent += 1
            }
            for _ in 0..<exponent {
                let (product, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                value = product
            }
            // Like JSONDecoder, the magnitude must fit: -2^63 written this way is not read as an integer.
            guard let magnitude = Int64(exactly: value) else { return nil }
            return negative ? -magnitude : magnitude
        }

        /// Skips the decimal digits at the reading position and says how many there were.
        mutating func digits() -> Int {
            let start = offset
            while let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { offset += 1 }
            return offset - start
        }
    }
}
