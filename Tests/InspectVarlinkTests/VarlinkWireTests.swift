import Foundation
import Testing

@testable import InspectVarlink

@Suite("Varlink wire format")
struct VarlinkWireTests {
    private static let stream: [UInt8] =
        Array(#"{"method":"a.b.C"}"#.utf8) + [0] + Array(#"{"x":"\u0000"}"#.utf8) + [0]
        + Array("{}".utf8) + [0]

    @Test("messages come out whole wherever the stream is split", arguments: 0...stream.count)
    func framingAtEverySplit(split: Int) throws {
        var framer = MessageFramer(limit: 1 << 20)

        let first = try Self.stream[..<split].withUnsafeBytes { try framer.append($0) }
        let second = try Self.stream[split...].withUnsafeBytes { try framer.append($0) }

        #expect(
            (first + second).map { String(decoding: $0, as: UTF8.self) } == [
                #"{"method":"a.b.C"}"#, #"{"x":"\u0000"}"#, "{}",
            ])
        #expect(!framer.hasPartialMessage)
    }

    @Test("a message may reach the limit but not pass it, even across reads")
    func framingLimit() throws {
        var framer = MessageFramer(limit: 10)
        let ten = [UInt8](repeating: UInt8(ascii: "a"), count: 10)

        #expect(try (ten + [0]).withUnsafeBytes { try framer.append($0) }.count == 1)
        #expect(try ten[..<6].withUnsafeBytes { try framer.append($0) } == [])
        #expect(throws: MessageFramer.Overflow(unread: 5)) { try ten[..<5].withUnsafeBytes { try framer.append($0) } }
    }

    @Test("a large message arriving in pieces comes out whole, byte for byte")
    func framingLargeMessage() throws {
        var framer = MessageFramer(limit: 4 << 20)
        let message = (0..<(3 << 20)).map { UInt8(1 + $0 % 255) }
        let stream = message + [0] + Array("{}".utf8) + [0]
        var received: [Data] = []

        for offset in stride(from: 0, to: stream.count, by: 65536) {
            received += try stream[offset..<min(offset + 65536, stream.count)].withUnsafeBytes {
                try framer.append($0)
            }
        }

        #expect(received == [Data(message), Data("{}".utf8)])
        #expect(!framer.hasPartialMessage)
    }

    @Test("a message nested deeper than the limit is refused unread; strings do not count")
    func nestingLimit() throws {
        func call(_ value: String) -> Data { Data(#"{"method":"a.b.C","parameters":{"x":\#(value)}}"#.utf8) }
        let limit = VarlinkServer.maxNestingDepth
        let within = String(repeating: "[", count: limit - 2) + String(repeating: "]", count: limit - 2)
        #expect(try VarlinkWire.decodeCall(call(within)).method == "a.b.C")
        let brackets = String(repeating: "[{", count: 200)
        #expect(try VarlinkWire.decodeCall(call("\"\\\"\(brackets)\"")).method == "a.b.C")
        // As the API fuzzer sent them: side by side, 500 deep (seconds of the server's queue each).
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: ProtocolViolation(reason: "nested deeper than \(limit) levels")) {
            try VarlinkWire.decodeCall(call(within.dropLast() + "," + deep + "]"))
        }
        #expect(throws: ProtocolViolation(reason: "nested deeper than \(limit) levels")) {
            try VarlinkWire.decodeReply(Data(#"{"parameters":{"x":\#(deep)}}"#.utf8))
        }
    }

    @Test("a call's members are read with their defaults")
    func decodesCall() throws {
        let plain = try VarlinkWire.decodeCall(Data(#"{"method":"a.b.C"}"#.utf8))
        let full = try VarlinkWire.decodeCall(
            Data(#"{"method":"a.b.C","parameters":{"n":1},"more":true,"oneway":false,"x.vendor":{}}"#.utf8))
        let nulls = try VarlinkWire.decodeCall(Data(#"{"method":"a.b.C","parameters":null,"more":null}"#.utf8))

        #expect(plain == VarlinkCallMessage(method: "a.b.C", parameters: [:]))
        #expect(full == VarlinkCallMessage(method: "a.b.C", parameters: ["n": 1], more: true))
        #expect(nulls == plain)
    }

    @Test("replies and errors have the protocol's shape")
    func encodesReplies() {
        let reply = VarlinkWire.encodeReply(parameters: Data(#"{"a":1}"#.utf8), continues: true)
        let error = VarlinkWire.encodeError(.invalidParameter("a/b"))

        #expect(String(decoding: reply, as: UTF8.self) == #"{"parameters":{"a":1},"continues":true}"#)
        #expect(
            String(decoding: error, as: UTF8.self)
                == #"{"error":"org.varlink.service.InvalidParameter","parameters":{"parameter":"a/b"}}"#)
    }

    @Test("JSON values keep 64-bit integers exact and tell numbers, strings and booleans apart")
    func valuesRoundTrip() throws {
        let value: VarlinkValue = [
            "max": .int(Int64.max), "min": .int(Int64.min), "half": 0.5, "flag": true, "zero": 0, "text": "1",
            "none": nil, "list": [[], [:]],
        ]

        let decoded = try JSONDecoder().decode(VarlinkValue.self, from: try VarlinkJSON.encode(value))

        #expect(decoded == value)
        #expect(try JSONDecoder().decode(VarlinkValue.self, from: Data("1e300".utf8)) == .float(1e300))
    }

    @Test("Codable values convert to and from parameters")
    func codableConversion() throws {
        struct Sample: Codable, Equatable {
            var name: String
            var count: Int
            var note: String?
        }
        let sample = Sample(name: "Chi Lăng", count: 35, note: nil)

        let value = try VarlinkValue(encoding: sample)

        #expect(value == ["name": "Chi Lăng", "count": 35])
        #expect(try value.decode(as: Sample.self) == sample)
    }
}
