/// One method call as a handler sees it.
public struct VarlinkCall: Sendable {
    /// The fully-qualified method, e.g. `org.example.ping.Ping`.
    public var method: String
    /// The call's parameters; empty when the caller sent none.
    public var parameters: [String: VarlinkValue]
    /// The caller asked for no reply: whatever the handler returns is dropped.
    public var oneway: Bool
    /// The caller accepts several replies (see ``VarlinkReply/stream(_:)``).
    public var more: Bool
    public var caller: VarlinkCaller

    public init(
        method: String, parameters: [String: VarlinkValue], oneway: Bool = false, more: Bool = false,
        caller: VarlinkCaller
    ) {
        self.method = method
        self.parameters = parameters
        self.oneway = oneway
        self.more = more
        self.caller = caller
    }

    /// The parameters decoded as `type`.
    ///
    /// - Throws: ``VarlinkError/invalidParameter(_:)`` naming the first offending parameter.
    public func decodeParameters<P: Decodable>(as type: P.Type = P.self) throws(VarlinkError) -> P {
        do {
            return try VarlinkValue.object(parameters).decode(as: type)
        } catch let error as DecodingError {
            throw .invalidParameter(error.parameterName)
        } catch {
            throw .invalidParameter("parameters")
        }
    }
}

/// What a handler answers.
public enum VarlinkReply: Sendable {
    /// The one reply.
    case parameters([String: VarlinkValue])
    /// Several replies to a call made with `more`; the last ends the call. A call made without `more` gets
    /// `org.varlink.service.ExpectedMore` instead, unless the stream holds a single reply. An empty stream ends the
    /// call with one empty reply.
    case stream([[String: VarlinkValue]])
    case error(VarlinkError)

    /// A reply with no parameters.
    public static let empty = VarlinkReply.parameters([:])
}

extension DecodingError {
    /// The top-level parameter a decoding failure is about, for `InvalidParameter`.
    var parameterName: String {
        switch self {
        case .keyNotFound(let key, let context):
            (context.codingPath.first ?? key).stringValue
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.first?.stringValue ?? "parameters"
        @unknown default:
            "parameters"
        }
    }
}
