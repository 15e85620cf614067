import Foundation

extension VarlinkServer {
    /// Answers one message of `connection`. A message that is not a well-formed call closes the connection: after
    /// a malformed message, replies could no longer be matched to calls. A handler that answers later
    /// (`VarlinkInterface.deferredMethod`) holds the connection's further calls until it has.
    func handle(_ message: Data, from connection: VarlinkConnection) {
        let call: VarlinkCallMessage
        do {
            call = try VarlinkWire.decodeCall(message)
        } catch {
            connection.close()
            return
        }
        // A oneway call has no reply to stream or to confirm an upgrade with.
        guard !(call.oneway && (call.more || call.upgrade)) else {
            connection.close()
            return
        }
        switch answer(call, caller: connection.caller) {
        case .now(let outcome):
            if !call.oneway {
                connection.enqueue(Self.messages(for: outcome, call: call, configuration: configuration))
            }
        case .later(let start):
            connection.beginAnswering()
            let configuration = configuration
            let queue = queue
            let waiting = ConfinedToQueue(connection)
            start { outcome in
                // Encoded where the work was done: a large reply does not hold the server's queue.
                let messages = call.oneway ? [] : Self.messages(for: outcome, call: call, configuration: configuration)
                queue.async { waiting.value.complete(messages) }
            }
        }
    }

    /// What the handler of `call` answers, or the protocol's error when there is none.
    private func answer(_ call: VarlinkCallMessage, caller: @autoclosure () -> VarlinkCaller) -> VarlinkInterface.Answer
    {
        // Handing the connection over to another protocol is not offered.
        guard !call.upgrade else { return .now(.failure(VarlinkError.invalidParameter("upgrade"))) }
        guard let dot = call.method.lastIndex(of: ".") else {
            return .now(.failure(VarlinkError.methodNotFound(call.method)))
        }
        let interfaceName = String(call.method[..<dot])
        let methodName = String(call.method[call.method.index(after: dot)...])
        guard let interface = interface(named: interfaceName) else {
            return .now(.failure(VarlinkError.interfaceNotFound(interfaceName)))
        }
        guard let handler = interface.handlers[methodName] else {
            let declared = interface.definition.method(named: methodName) != nil
            return .now(
                .failure(declared ? VarlinkError.methodNotImplemented(call.method) : .methodNotFound(call.method)))
        }
        return handler(
            VarlinkCall(
                method: call.method, parameters: call.parameters, oneway: call.oneway, more: call.more,
                caller: caller()))
    }

    /// The encoded replies of `outcome`, in order.
    static func messages(
        for outcome: VarlinkInterface.Outcome, call: VarlinkCallMessage, configuration: Configuration
    ) -> [Data] {
        switch outcome {
        case .failure(let error):
            return [VarlinkWire.encodeError(varlinkError(for: error, configuration: configuration))]
        case .replies(let replies) where replies.isEmpty:
            return [VarlinkWire.encodeReply(parameters: Data("{}".utf8), continues: false)]
        case .replies(let replies) where replies.count > 1 && !call.more:
            return [VarlinkWire.encodeError(.expectedMore)]
        case .replies(let replies):
            return replies.indices.map {
                VarlinkWire.encodeReply(parameters: replies[$0], continues: $0 < replies.count - 1)
            }
        }
    }

    private static func varlinkError(for error: any Error, configuration: Configuration) -> VarlinkError {
        switch error {
        case let error as VarlinkError: error
        case let error as any VarlinkErrorConvertible: error.varlinkError
        case let error as DecodingError: .invalidParameter(error.parameterName)
        default: VarlinkError(configuration.internalErrorName)
        }
    }
}

/// A value used on one serial queue only, carried through a closure that runs elsewhere and hops back to that queue
/// before touching it.
struct ConfinedToQueue<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
