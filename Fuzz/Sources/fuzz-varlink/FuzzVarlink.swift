import Foundation
import FuzzSupport

@testable import InspectVarlink

/// Feeds a byte stream to the Varlink message framer in pieces, then each message to the call and reply decoders
/// and the JSON value decoder. Framing must give exactly the NUL-separated messages; decoding must throw or give a
/// value whose encoding decodes to itself after one round trip (the first may turn 1.0 into 1).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    var framer = MessageFramer(limit: 1 << 20)
    var messages: [Data] = []
    var offset = 0
    var piece = 1
    while offset < bytes.count {
        let end = min(bytes.count, offset + piece)
        guard let complete = try? framer.append(UnsafeRawBufferPointer(rebasing: bytes[offset..<end])) else {
            fatalError("a \(bytes.count)-byte input overflows a 1 MiB limit")
        }
        messages += complete
        // Pieces of 1, 4, 13, … bytes: messages straddle them in varying ways.
        offset = end
        piece = piece * 3 + 1
    }
    let expected = bytes.split(separator: 0, omittingEmptySubsequences: false)
    precondition(messages.map { Array($0) } == expected.dropLast().map { Array($0) }, "framing lost or split bytes")
    precondition(framer.hasPartialMessage == !expected.last!.isEmpty, "framing lost the unfinished tail")
    // With a small limit, the framer must refuse exactly when a message, or the unfinished tail, is longer.
    var small = MessageFramer(limit: 64)
    let overflowed = (try? small.append(bytes)) == nil
    precondition(overflowed == expected.contains { $0.count > 64 }, "the 64-byte limit was applied wrongly")

    for message in messages {
        if let call = try? VarlinkWire.decodeCall(message) {
            let encoded = try! VarlinkWire.encodeCall(
                method: call.method, parameters: call.parameters, oneway: call.oneway, more: call.more)
            guard let again = try? VarlinkWire.decodeCall(Data(encoded)) else {
                fatalError("an encoded call does not decode: \(String(decoding: encoded, as: UTF8.self))")
            }
            precondition(again.method == call.method && again.oneway == call.oneway && again.more == call.more)
            checkRoundTrip(.object(again.parameters))
        }
        _ = try? VarlinkWire.decodeReply(message)
        if let value = try? JSONDecoder().decode(VarlinkValue.self, from: message) {
            checkRoundTrip(value)
        }
    }
    return 0
}

/// `value`, encoded and decoded twice, stays as it was after the first round trip.
private func checkRoundTrip(_ value: VarlinkValue) {
    let once = roundTrip(value)
    let twice = roundTrip(once)
    precondition(once == twice, "\(value) round-trips to \(once), then to \(twice)")
}

private func roundTrip(_ value: VarlinkValue) -> VarlinkValue {
    let encoded: Data
    do {
        encoded = try VarlinkJSON.encode(value)
    } catch {
        fatalError("\(value) decoded from JSON but does not encode: \(error)")
    }
    do {
        return try JSONDecoder().decode(VarlinkValue.self, from: encoded)
    } catch {
        fatalError("\(String(decoding: encoded, as: UTF8.self)) does not decode: \(error)")
    }
}

@main
enum FuzzVarlink {
    static func main() { runLibFuzzer(fuzz) }
}
