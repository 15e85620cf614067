/// A parsed `.varlink` interface description: the interface's name and the types, methods and errors it declares.
///
/// ```swift
/// let definition = try VarlinkInterfaceDefinition.parse(text)
/// definition.methods.map(\.name)  // ["Ping", "Fail", "Count"]
/// ```
public struct VarlinkInterfaceDefinition: Sendable, Equatable {
    /// The reverse-domain name, e.g. `org.example.ping`.
    public var name: String
    public var types: [VarlinkTypeDefinition]
    public var methods: [VarlinkMethodDefinition]
    public var errors: [VarlinkErrorDefinition]

    public init(
        name: String, types: [VarlinkTypeDefinition] = [], methods: [VarlinkMethodDefinition] = [],
        errors: [VarlinkErrorDefinition] = []
    ) {
        self.name = name
        self.types = types
        self.methods = methods
        self.errors = errors
    }

    /// Parses and checks an interface description.
    ///
    /// - Throws: ``VarlinkSyntaxError`` with the line of the first problem.
    public static func parse(_ text: String) throws(VarlinkSyntaxError) -> VarlinkInterfaceDefinition {
        var parser = try VarlinkIDLParser(text: text)
        return try parser.parseInterface()
    }

    /// The method called `name` (unqualified), if declared.
    public func method(named name: String) -> VarlinkMethodDefinition? {
        methods.first { $0.name == name }
    }
}

/// `type Name (...)`: a named struct or enum.
public struct VarlinkTypeDefinition: Sendable, Equatable {
    public var name: String
    public var type: VarlinkType

    public init(name: String, type: VarlinkType) {
        self.name = name
        self.type = type
    }
}

/// `method Name(parameters) -> (results)`.
public struct VarlinkMethodDefinition: Sendable, Equatable {
    public var name: String
    public var parameters: [VarlinkField]
    public var results: [VarlinkField]

    public init(name: String, parameters: [VarlinkField], results: [VarlinkField]) {
        self.name = name
        self.parameters = parameters
        self.results = results
    }
}

/// `error Name (parameters)`.
public struct VarlinkErrorDefinition: Sendable, Equatable {
    public var name: String
    public var parameters: [VarlinkField]

    public init(name: String, parameters: [VarlinkField]) {
        self.name = name
        self.parameters = parameters
    }
}

/// One `name: type` member of a struct.
public struct VarlinkField: Sendable, Equatable {
    public var name: String
    public var type: VarlinkType

    public init(_ name: String, _ type: VarlinkType) {
        self.name = name
        self.type = type
    }
}

/// A type expression of the interface description language.
public enum VarlinkType: Sendable, Equatable {
    case bool
    case int
    case float
    case string
    /// Any JSON object, unchecked.
    case object
    /// A `type` declared in the same interface.
    case named(String)
    /// `[]T`
    indirect case array(VarlinkType)
    /// `[string]T`: an object with arbitrary keys.
    indirect case map(VarlinkType)
    /// `?T`: the member may be absent or null.
    indirect case optional(VarlinkType)
    /// `(name: T, ...)`
    case `struct`([VarlinkField])
    /// `(one, two, ...)`: one of these strings.
    case `enum`([String])
}
