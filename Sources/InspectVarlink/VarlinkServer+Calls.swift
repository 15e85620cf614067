import Foundation

extension VarlinkServer {
    /// Answers one message of `connection`. A message that is not a well-formed call closes the connection: after
    /// a malformed message, replies could no longer be matched to calls.
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
        let replies = answer(call, caller: connection.caller)
        if !call.oneway { connection.enqueue(replies) }
    }

    /// The encoded replies to `call`, in order.
    private func answer(_ call: VarlinkCallMessage, caller: @autoclosure () -> VarlinkCaller) -> [Data] {
        // Handing the connection over to another protocol is not offered.
        guard !call.upgrade else { return [VarlinkWire.encodeError(.invalidParameter("upgrade"))] }
        guard let dot = call.method.lastIndex(of: ".") else {
            return [VarlinkWire.encodeError(.methodNotFound(call.method))]
        }
        let interfaceName = String(call.method[..<dot])
        let methodName = String(call.method[call.method.index(after: dot)...])
        guard let interface = interface(named: interfaceName) else {
            return [VarlinkWire.encodeError(.interfaceNotFound(interfaceName))]
        }
        guard let handler = interface.handlers[methodName] else {
            let declared = interface.definition.method(named: methodName) != nil
            return [
                VarlinkWire.encodeError(
                    declared ? .methodNotImplemented(call.method) : .methodNotFound(call.method))
            ]
        }
        let outcome = handler(
            VarlinkCall(
                method: call.method, parameters: call.parameters, oneway: call.oneway, more: call.more,
                caller: caller()))
        switch outcome {
        case .failure(let error):
            return [VarlinkWire.encodeError(varlinkError(for: error))]
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

    private func varlinkError(for error: any Error) -> VarlinkError {
        switch error {
        case let error as VarlinkError: error
        case let error as any VarlinkErrorConvertible: error.varlinkError
        case let error as DecodingError: .invalidParameter(error.parameterName)
        default: VarlinkError(configuration.internalErrorName)
        }
    }
}
