import Foundation
import InspectCore

/// A method call as it arrived: the call object of the Varlink protocol, checked for shape.
struct VarlinkCallMessage: Equatable, Sendable {
    var method: String
    var parameters: [String: VarlinkValue]
    var oneway = false
    var more = false
    var upgrade = false
}

/// A reply as it arrived: parameters, or an error; `continues` when more replies to the same call follow.
struct VarlinkReplyMessage: Equatable {
    var parameters: [String: VarlinkValue]
    var continues = false
    var error: String?
}

/// A message that is not a well-formed Varlink call or reply: invalid JSON, not an object, a member of the wrong
/// type. The connection cannot be trusted to stay in step after one, so it is closed.
struct ProtocolViolation: Error, Equatable {
    var reason: String
}

/// The JSON shapes of the protocol, without the NUL that ends each message on the wire.
enum VarlinkWire {
    /// How deep arrays and objects may nest in a message. The decoder's own limit (512) is far above what any call
    /// needs, and decoding a value costs time in proportion to its depth at every level: within a reader's 64 KiB,
    /// side-by-side values 500 deep kept the server's queue busy for seconds. Deeper messages are refused unread.
    static let maxDepth = VarlinkServer.maxNestingDepth

    static func decodeCall(_ message: Data) throws(ProtocolViolation) -> VarlinkCallMessage {
        let members = try decodeObject(message)
        guard case .string(let method) = members["method"] else {
            throw ProtocolViolation(reason: "a call needs a string 'method'")
        }
        return VarlinkCallMessage(
            method: method, parameters: try parameters(in: members), oneway: try flag("oneway", in: members),
            more: try flag("more", in: members), upgrade: try flag("upgrade", in: members))
    }

    /// Read with ``VarlinkJSONText``, not `JSONDecoder`: replies are what a one-shot client reads (see there).
    static func decodeReply(_ message: Data) throws(ProtocolViolation) -> VarlinkReplyMessage {
        let value: VarlinkValue
        do {
            value = try message.withUnsafeBytes { try VarlinkJSONText.decode($0, maxDepth: maxDepth) }
        } catch let failure as VarlinkJSONText.Failure {
            throw ProtocolViolation(reason: failure.reason)
        } catch {
            throw ProtocolViolation(reason: "not JSON")
        }
        guard case .object(let members) = value else { throw ProtocolViolation(reason: "not a JSON object") }
        var error: String?
        switch members["error"] {
        case nil, .null?: error = nil
        case .string(let name)?: error = name
        default: throw ProtocolViolation(reason: "'error' must be a string")
        }
        return VarlinkReplyMessage(
            parameters: try parameters(in: members), continues: try flag("continues", in: members), error: error)
    }

    /// `{"parameters": …}` with `"continues": true` on all but the last reply of a streamed call.
    ///
    /// - Parameter parameters: The encoded JSON object of the reply's parameters.
    static func encodeReply(parameters: Data, continues: Bool) -> Data {
        var message = Data(#"{"parameters":"#.utf8)
        message.append(parameters)
        message.append(contentsOf: (continues ? #","continues":true}"# : "}").utf8)
        return message
    }

    static func encodeError(_ error: VarlinkError) -> Data {
        var message = Data(#"{"error":"#.utf8)
        message.append((try? VarlinkJSON.encode(error.name)) ?? Data(#""""#.utf8))
        message.append(contentsOf: #","parameters":"#.utf8)
        message.append((try? VarlinkJSON.encode(error.parameters)) ?? Data("{}".utf8))
        message.append(contentsOf: "}".utf8)
        return message
    }

    /// Written with ``VarlinkJSONText``, not `JSONEncoder`: calls are what a one-shot client writes (see there).
    static func encodeCall(
        method: String, parameters: [String: VarlinkValue], oneway: Bool, more: Bool
    ) throws(VarlinkJSONText.Failure) -> [UInt8] {
        var message = Array(#"{"method":"#.utf8)
        FieldsJSON.appendString(method, to: &message)
        message += #","parameters":"#.utf8
        try VarlinkJSONText.write(.object(parameters), to: &message)
        if oneway { message += #","oneway":true"#.utf8 }
        if more { message += #","more":true"#.utf8 }
        message.append(UInt8(ascii: "}"))
        return message
    }

    /// Whether `json` is the encoding of a JSON object, as parameters must be.
    static func isObject(_ json: Data) -> Bool {
        json.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{")
    }

    private static func decodeObject(_ message: Data) throws(ProtocolViolation) -> [String: VarlinkValue] {
        guard !nests(message, deeperThan: maxDepth) else {
            throw ProtocolViolation(reason: "nested deeper than \(maxDepth) levels")
        }
        let value: VarlinkValue
        do {
            value = try JSONDecoder().decode(VarlinkValue.self, from: message)
        } catch {
            throw ProtocolViolation(reason: "not JSON")
        }
        guard case .object(let members) = value else { throw ProtocolViolation(reason: "not a JSON object") }
        return members
    }

    /// Whether arrays and objects nest deeper than `limit` in `json`, counted outside strings in one pass over its
    /// bytes (no more than the framer's own).
    static func nests(_ json: Data, deeperThan limit: Int) -> Bool {
        json.withUnsafeBytes { bytes in
            var depth = 0
            var inString = false
            var escaped = false
            for byte in bytes {
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > limit { return true }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                default: break
                }
            }
            return false
        }
    }

    /// Absent and null parameters are both "none", as the protocol's implementations send either.
    private static func parameters(
        in members: [String: VarlinkValue]
    ) throws(ProtocolViolation) -> [String: VarlinkValue] {
        switch members["parameters"] {
        case nil, .null?: return [:]
        case .object(let parameters)?: return parameters
        default: throw ProtocolViolation(reason: "'parameters' must be an object")
        }
    }

    private static func flag(_ name: String, in members: [String: VarlinkValue]) throws(ProtocolViolation) -> Bool {
        switch members[name] {
        case nil, .null?: return false
        case .bool(let value)?: return value
        default: throw ProtocolViolation(reason: "'\(name)' must be a boolean")
        }
    }
}
