import Foundation

/// One interface a server offers: its description text, as `GetInterfaceDescription` returns it, and the handlers
/// of its methods.
///
/// ```swift
/// var ping = try VarlinkInterface(description: text)  // "interface org.example.ping …"
/// ping.method("Ping") { (request: PingRequest, caller) in PingReply(pong: request.ping) }
/// try server.register(ping)
/// ```
///
/// Handlers run on the server's queue, one at a time, so they may use state confined to that queue. A handler
/// throws ``VarlinkError`` (or a ``VarlinkErrorConvertible``) to fail the call; parameters that do not decode fail
/// it with `org.varlink.service.InvalidParameter`.
public struct VarlinkInterface {
    /// What a method handler returns once the server has encoded it: JSON objects to send, or an error.
    enum Outcome: Sendable {
        case replies([Data])
        case failure(any Error)
    }

    /// A handler's answer: at once, or later, from wherever the work was done (see ``deferredMethod(_:_:)``).
    enum Answer {
        case now(Outcome)
        case later((@escaping @Sendable (Outcome) -> Void) -> Void)
    }

    typealias Handler = (VarlinkCall) -> Answer

    public let descriptionText: String
    public let definition: VarlinkInterfaceDefinition
    private(set) var handlers: [String: Handler] = [:]

    public var name: String { definition.name }

    /// - Throws: ``VarlinkSyntaxError`` when the description does not parse.
    public init(description: String) throws(VarlinkSyntaxError) {
        descriptionText = description
        definition = try .parse(description)
    }

    /// Handles `name` (unqualified) with a function of the raw call.
    public mutating func rawMethod(_ name: String, _ handler: @escaping (VarlinkCall) -> VarlinkReply) {
        handlers[name] = { call in
            switch handler(call) {
            case .parameters(let parameters): .now(Self.encoding { [try VarlinkJSON.encode(parameters)] })
            case .stream(let replies): .now(Self.encoding { try replies.map { try VarlinkJSON.encode($0) } })
            case .error(let error): .now(.failure(error))
            }
        }
    }

    /// Handles `name` (unqualified) with a function from decoded parameters to one encodable reply.
    public mutating func method<P: Decodable, R: Encodable>(
        _ name: String, _ handler: @escaping (P, VarlinkCaller) throws -> R
    ) {
        handlers[name] = { call in
            .now(
                Self.encoding {
                    let parameters = try call.decodeParameters(as: P.self)
                    return [try Self.encodeObject(handler(parameters, call.caller))]
                })
        }
    }

    /// Handles `name` (unqualified) with a function that starts the work and answers later, from any thread: the
    /// server reads no further call of that connection meanwhile, and goes on serving the others. `handler` runs
    /// on the server's queue with the decoded parameters; `answer` encodes the result where it is called (off the
    /// server's queue, for a large reply) and hands it back to the server.
    public mutating func deferredMethod<P: Decodable, R: Encodable & SendableMetatype>(
        _ name: String,
        _ handler: @escaping (P, VarlinkCaller, _ answer: @escaping @Sendable (Result<R, any Error>) -> Void) -> Void
    ) {
        handlers[name] = { call in
            let parameters: P
            do {
                parameters = try call.decodeParameters(as: P.self)
            } catch {
                return .now(.failure(error))
            }
            return .later { deliver in
                handler(parameters, call.caller) { result in
                    deliver(Self.encoding { [try Self.encodeObject(result.get())] })
                }
            }
        }
    }

    /// Handles `name` (unqualified) with a function returning several replies, sent with `continues`. A call made
    /// without `more` fails with `org.varlink.service.ExpectedMore` and the handler does not run.
    public mutating func streamingMethod<P: Decodable, R: Encodable>(
        _ name: String, _ handler: @escaping (P, VarlinkCaller) throws -> [R]
    ) {
        handlers[name] = { call in
            guard call.more || call.oneway else { return .now(.failure(VarlinkError.expectedMore)) }
            return .now(
                Self.encoding {
                    let parameters = try call.decodeParameters(as: P.self)
                    return try handler(parameters, call.caller).map { try Self.encodeObject($0) }
                })
        }
    }

    private static func encoding(_ body: () throws -> [Data]) -> Outcome {
        do {
            return .replies(try body())
        } catch {
            return .failure(error)
        }
    }

    private static func encodeObject(_ value: some Encodable) throws -> Data {
        let json = try VarlinkJSON.encode(value)
        guard VarlinkWire.isObject(json) else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Varlink parameters must be a JSON object"))
        }
        return json
    }
}

/// The parameters of a method that takes none, or the reply of one that returns none.
public struct VarlinkEmpty: Codable, Sendable, Equatable {
    public init() {}
}
