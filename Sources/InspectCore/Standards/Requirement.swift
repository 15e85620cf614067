/// One thing a standard asks of a person: a qualification of `kind` at `level` or above, in one of `fields` when
/// the standard names any (an education's subject).
public struct Requirement: Sendable, Codable, Hashable, CustomStringConvertible {
    public var kind: QualificationKind
    /// The lowest level that meets it, one of `kind.levels`.
    public var level: String
    /// The fields accepted; empty when any field will do.
    public var fields: [String]

    public init(kind: QualificationKind, level: String, fields: [String] = []) {
        self.kind = kind
        self.level = level
        self.fields = fields
    }

    /// Whether one of `qualifications` meets it.
    ///
    /// Levels compare in the order `QualificationKind.levels` lists them, except that an ethnic language's
    /// `certificate` is not on the six-level framework: a requirement of `certificate` is met by any language
    /// qualification, one of `B1` only by `B1` or above. Fields compare ignoring case.
    public func isMet(by qualifications: [Qualification]) -> Bool {
        qualifications.contains { held in
            held.kind == kind && meetsLevel(held.level)
                && (fields.isEmpty
                    || fields.contains { accepted in
                        accepted.lowercased() == held.field?.lowercased()
                    })
        }
    }

    private func meetsLevel(_ held: String) -> Bool {
        if kind == .language {
            if level == Self.certificate { return true }
            if held == Self.certificate { return false }
        }
        guard let need = kind.levels.firstIndex(of: level), let have = kind.levels.firstIndex(of: held) else {
            return false
        }
        return have >= need
    }

    /// An ethnic language's certificate, the one language level off the six-level framework.
    static let certificate = "certificate"

    /// `education bachelor (Luật)`.
    public var description: String {
        "\(kind.rawValue) \(level)" + (fields.isEmpty ? "" : " (\(fields.joined(separator: " or ")))")
    }
}
