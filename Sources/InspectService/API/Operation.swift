import InspectCore

/// One use case as the API offers it: named parameters in, one reply out, and the least role that may call it.
///
/// The same table serves both transports: the daemon registers every operation as a Varlink method
/// (`io.inspectd.<name>`), and the CLI calls an operation either in process (direct mode) or over the socket, so
/// output and errors are the same either way.
public protocol APIOperation: Sendable {
    associatedtype Parameters: Codable & Sendable
    associatedtype Reply: Codable & Sendable

    /// The Varlink method name within `io.inspectd`: `LogFinding`.
    static var name: String { get }
    /// The least role allowed to call it.
    static var role: Role { get }
    /// Whether it changes the record (the daemon then looks at its agenda again).
    static var writes: Bool { get }

    static func perform(_ service: InspectService, as caller: Caller, _ parameters: Parameters) throws -> Reply

    /// Checks every value of `parameters` against `InputLimits`: by reflection, or from the values the parameters
    /// list when they are ``ListedParameters``.
    static func checkParameters(_ parameters: Parameters) throws
}

extension APIOperation {
    /// The type's own name: the method and its type cannot drift apart. Read from the type's metadata: describing
    /// the type instead would have the runtime scan the conformance records for the protocols that describe a value,
    /// about a millisecond at the start of every command.
    public static var name: String { _typeName(self, qualified: false) }

    /// Runs the operation for `caller` after checking their role and every value of `parameters` (`InputLimits`).
    /// - Throws: `InspectError.permissionDenied` naming the role needed, `.invalidInput` naming a value out of its
    ///   range; otherwise what the use case throws.
    public static func authorizedPerform(
        _ service: InspectService, as caller: Caller, _ parameters: Parameters
    )
        throws -> Reply
    {
        try requireRole(of: caller)
        try checkParameters(parameters)
        return try perform(service, as: caller, parameters)
    }

    /// Checks the parameters by reflection (`ParameterCheck`).
    public static func checkParameters(_ parameters: Parameters) throws {
        try ParameterCheck.validate(parameters)
    }

    /// Checks that `caller` has the role the operation needs.
    /// - Throws: `InspectError.permissionDenied` naming the role needed.
    public static func requireRole(of caller: Caller) throws {
        guard caller.role >= role else {
            throw InspectError.permissionDenied(
                "\(name) needs the \(role.rawValue) role (\(role.groupDescription)); \(caller.user) is "
                    + caller.role.withArticle)
        }
    }
}

extension Role {
    /// Who has the role, for messages.
    var groupDescription: String {
        switch self {
        case .reader: "any user"
        case .inspector: "group \(Role.inspectorGroup)"
        case .admin: "root or group \(Role.adminGroup)"
        }
    }

    /// "a reader", "an inspector", "an admin": the role in a sentence.
    var withArticle: String {
        switch self {
        case .reader: "a reader"
        case .inspector: "an inspector"
        case .admin: "an admin"
        }
    }
}

/// Parameters of an operation that takes none.
public struct NoParameters: Codable, Sendable, Hashable {
    public init() {}
}

/// The reply of an operation that returns nothing.
public struct Done: Codable, Sendable, Hashable {
    public init() {}
}

/// Every operation of the API, in the order of the interface description.
public enum Operations {
    public static let all: [any APIOperation.Type] =
        registry + inspections + findings + planning + discipline + reports + profiles + standards + training
        + competency + classification + uplink
}

/// The Varlink interface the operations form.
public enum InterfaceDescription {
    public static let name = "io.inspectd"

    /// `io.inspectd.varlink`, embedded in the program at build time.
    public static let text = String(decoding: PackageResources.io_inspectd_varlink, as: UTF8.self)
}
