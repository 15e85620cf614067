import InspectCore

/// How errors cross the API: each `InspectError` case is a Varlink error `io.inspectd.<Name>` with named
/// parameters (see `io.inspectd.varlink`), and back, so the CLI prints the same message and exits with the same status
/// whether it worked directly or through the daemon.
extension InspectError {
    /// A parameter value: text or a whole number.
    public enum WireValue: Codable, Sendable, Hashable {
        case text(String)
        case number(Int)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            }
        }

        var text: String? { if case .text(let text) = self { text } else { nil } }
        var number: Int? { if case .number(let number) = self { number } else { nil } }
    }

    /// The error's name within the interface: `NotFound`.
    public var wireName: String {
        switch self {
        case .invalidInput: "InvalidInput"
        case .notFound: "NotFound"
        case .duplicate: "Duplicate"
        case .conflict: "Conflict"
        case .invalidFile: "InvalidFile"
        case .invalidConfig: "InvalidConfig"
        case .busy: "Busy"
        case .cannotCreate: "CannotCreate"
        case .storage: "Storage"
        case .schemaTooNew: "SchemaTooNew"
        case .integrity: "Integrity"
        case .permissionDenied: "PermissionDenied"
        case .unavailable: "Unavailable"
        }
    }

    public var wireParameters: [String: WireValue] {
        switch self {
        case .invalidInput(let reason), .conflict(let reason), .integrity(let reason), .permissionDenied(let reason),
            .unavailable(let reason):
            ["reason": .text(reason)]
        case .notFound(let kind, let key), .duplicate(let kind, let key): ["kind": .text(kind), "key": .text(key)]
        case .invalidFile(let path, let line, let reason), .invalidConfig(let path, let line, let reason):
            ["path": .text(path), "line": .number(line), "reason": .text(reason)]
        case .busy(let path), .schemaTooNew(let path): ["path": .text(path)]
        case .cannotCreate(let path, let reason), .storage(let path, let reason):
            ["path": .text(path), "reason": .text(reason)]
        }
    }

    /// The error named `name` with `parameters`, or nil when the name is not one of ours.
    public init?(wireName name: String, parameters p: [String: WireValue]) {
        let text = { (key: String) in p[key]?.text ?? "" }
        let line = p["line"]?.number ?? 0
        switch name {
        case "InvalidInput": self = .invalidInput(text("reason"))
        case "NotFound": self = .notFound(kind: text("kind"), key: text("key"))
        case "Duplicate": self = .duplicate(kind: text("kind"), key: text("key"))
        case "Conflict": self = .conflict(text("reason"))
        case "InvalidFile": self = .invalidFile(path: text("path"), line: line, reason: text("reason"))
        case "InvalidConfig": self = .invalidConfig(path: text("path"), line: line, reason: text("reason"))
        case "Busy": self = .busy(path: text("path"))
        case "CannotCreate": self = .cannotCreate(path: text("path"), reason: text("reason"))
        case "Storage": self = .storage(path: text("path"), reason: text("reason"))
        case "SchemaTooNew": self = .schemaTooNew(path: text("path"))
        case "Integrity": self = .integrity(text("reason"))
        case "PermissionDenied": self = .permissionDenied(text("reason"))
        case "Unavailable": self = .unavailable(text("reason"))
        default: return nil
        }
    }
}
