import InspectCore

/// Adds an office to the registry.
public struct OfficeAddRequest: Codable, Sendable, Hashable {
    public var code: String
    public var name: String
    public var parent: String?
    public var kind: OfficeKind
    public var hoursProfile: String?

    public init(code: String, name: String, parent: String? = nil, kind: OfficeKind, hoursProfile: String? = nil) {
        self.code = code
        self.name = name
        self.parent = parent
        self.kind = kind
        self.hoursProfile = hoursProfile
    }
}

/// An office with what a person looking it up wants to know next.
public struct OfficeDetail: Codable, Sendable, Hashable {
    public var office: Office
    public var activeStaff: Int
    /// Codes of the active offices directly under this one.
    public var children: [String]
    /// Number of inspections by status.
    public var inspections: [String: Int]
    public var lastInspection: Inspection?
}

/// What an import wrote.
public struct ImportSummary: Codable, Sendable, Hashable {
    public var path: String
    public var rows: Int
    /// Escalations the imported findings raised (findings imports only).
    public var escalations: Int? = nil
}
