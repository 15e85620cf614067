import Dispatch
import Foundation
import InspectCore
import InspectService
import InspectVarlink
import Logging

/// The daemon's Varlink API: every `Operation` as a method of `io.inspectd`, on the daemon's own queue, so calls are
/// served one at a time between the loop's other work.
///
/// The caller is identified by `SO_PEERCRED`; their role follows from their groups. A refused call is answered with
/// `io.inspectd.PermissionDenied` and reported to the journal.
final class APIServer {
    /// Calls carry imports as CSV text; 64 MiB fits a large district's whole record.
    static let maxMessageSize = 64 << 20

    private let server: VarlinkServer

    /// - Parameters:
    ///   - service: the service as it is now (it changes on reload).
    ///   - denied: called with the caller, the method and the error when a call is refused.
    ///   - storageFailed: called with the error when a call failed because the database cannot be written.
    ///   - wrote: called after a call that changed the record, so the loop looks at its agenda again.
    init(
        queue: DispatchQueue, service: @escaping () -> InspectService,
        denied: @escaping (Caller, String, InspectError) -> Void,
        storageFailed: @escaping (InspectError) -> Void,
        wrote: @escaping () -> Void
    ) throws {
        server = VarlinkServer(
            info: .init(
                vendor: "inspectd", product: "inspectd", version: DaemonCommand.configuration.version,
                url: "https://github.com/inspectd/inspectd"),
            queue: queue, configuration: .init(maxMessageSize: Self.maxMessageSize))
        var interface = try VarlinkInterface(description: InterfaceDescription.text)
        for operation in Operations.all {
            Self.register(
                operation, in: &interface, service: service, denied: denied, storageFailed: storageFailed, wrote: wrote)
        }
        try server.register(interface)
    }

    /// Listens on the socket systemd passed (socket activation), or else on `path`.
    /// - Returns: where it listens, for the log.
    func start(path: String) throws -> String {
        if let passed = try SocketActivation.inheritedSockets().first {
            try server.adopt(listeningDescriptor: passed.descriptor)
            return "the socket passed by systemd (\(passed.name))"
        }
        try server.listen(path: path)
        return path
    }

    func stop() { server.stop() }

    private static func register<Op: APIOperation>(
        _ operation: Op.Type, in interface: inout VarlinkInterface, service: @escaping () -> InspectService,
        denied: @escaping (Caller, String, InspectError) -> Void, storageFailed: @escaping (InspectError) -> Void,
        wrote: @escaping () -> Void
    ) {
        interface.method(Op.name) { (parameters: Op.Parameters, peer: VarlinkCaller) throws -> Op.Reply in
            let caller = Caller(
                user: peer.userName ?? "uid-\(peer.uid)", role: Role.of(userID: peer.uid, groups: peer.groupNames))
            do {
                let reply = try Op.authorizedPerform(service(), as: caller, parameters)
                if Op.writes { wrote() }
                return reply
            } catch let error as InspectError {
                switch error {
                case .permissionDenied: denied(caller, Op.name, error)
                case .storage, .cannotCreate: storageFailed(error)
                default: break
                }
                throw error
            }
        }
    }
}

extension InspectError: VarlinkErrorConvertible {
    public var varlinkError: VarlinkError {
        (try? VarlinkError("\(InterfaceDescription.name).\(wireName)", encoding: wireParameters))
            ?? VarlinkError("\(InterfaceDescription.name).InternalError")
    }
}
