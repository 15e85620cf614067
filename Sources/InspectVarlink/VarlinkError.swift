/// An error as Varlink sends it: a fully-qualified name such as `org.varlink.service.MethodNotFound` and the
/// parameters its interface declares.
///
/// Handlers throw it to fail a call; ``VarlinkClient`` throws it when the service answers with an error, so both
/// ends see the same value.
public struct VarlinkError: Error, Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var parameters: [String: VarlinkValue]

    public init(_ name: String, parameters: [String: VarlinkValue] = [:]) {
        self.name = name
        self.parameters = parameters
    }

    /// An error whose parameters come from an `Encodable` value.
    ///
    /// - Throws: `EncodingError`, or ``VarlinkError/invalidParameter(_:)`` when the value is not a JSON object.
    public init(_ name: String, encoding parameters: some Encodable) throws {
        guard let members = try VarlinkValue(encoding: parameters).objectValue else {
            throw VarlinkError.invalidParameter("parameters")
        }
        self.init(name, parameters: members)
    }

    /// The parameters decoded as `type`.
    ///
    /// - Throws: `DecodingError` when they do not have its shape.
    public func decodeParameters<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try VarlinkValue.object(parameters).decode(as: type)
    }

    public var description: String {
        guard !parameters.isEmpty, let json = try? VarlinkJSON.encode(parameters) else { return name }
        return "\(name) \(String(decoding: json, as: UTF8.self))"
    }
}

// MARK: - The standard errors of org.varlink.service

extension VarlinkError {
    /// The interface of a call (or of `GetInterfaceDescription`) is not served here.
    public static func interfaceNotFound(_ interface: String) -> VarlinkError {
        VarlinkError("org.varlink.service.InterfaceNotFound", parameters: ["interface": .string(interface)])
    }

    /// The interface is served but has no such method.
    public static func methodNotFound(_ method: String) -> VarlinkError {
        VarlinkError("org.varlink.service.MethodNotFound", parameters: ["method": .string(method)])
    }

    /// The interface declares the method but this service does not implement it.
    public static func methodNotImplemented(_ method: String) -> VarlinkError {
        VarlinkError("org.varlink.service.MethodNotImplemented", parameters: ["method": .string(method)])
    }

    /// A parameter is missing, has the wrong type or an unacceptable value.
    public static func invalidParameter(_ parameter: String) -> VarlinkError {
        VarlinkError("org.varlink.service.InvalidParameter", parameters: ["parameter": .string(parameter)])
    }

    /// The caller may not make this call.
    public static let permissionDenied = VarlinkError("org.varlink.service.PermissionDenied")

    /// The method streams its replies and must be called with `more`.
    public static let expectedMore = VarlinkError("org.varlink.service.ExpectedMore")
}

/// An error of the application that knows its Varlink form, so handlers can throw their own errors unchanged.
public protocol VarlinkErrorConvertible: Error {
    var varlinkError: VarlinkError { get }
}
