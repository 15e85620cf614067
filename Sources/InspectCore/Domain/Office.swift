/// What sort of public office an office is; decides where it sits in the district's hierarchy.
public enum OfficeKind: String, Sendable, Codable, CaseIterable {
    /// The district People's Committee itself (UBND huyện), the root of the hierarchy.
    case district
    /// A specialised department of the district (phòng chuyên môn), e.g. Home Affairs.
    case department
    /// A rural commune (xã).
    case commune
    /// A town (thị trấn).
    case town
    /// An agency or public service unit outside the departments (cơ quan, đơn vị sự nghiệp).
    case agency
    /// Any other unit.
    case unit
}

/// A public office that can be inspected.
public struct Office: Hashable, Sendable, Codable {
    /// Stable code, e.g. `UBND-NHANLY`: upper-case letters, digits, `-` and `_`.
    public var code: String
    public var name: String
    /// The code of the office above this one, or nil for the root.
    public var parent: String?
    public var kind: OfficeKind
    /// Name of the working-hours profile the office follows (`default` unless configured).
    public var hoursProfile: String
    public var active: Bool

    public init(
        code: String, name: String, parent: String? = nil, kind: OfficeKind = .unit,
        hoursProfile: String = HoursProfile.defaultName, active: Bool = true
    ) {
        self.code = code
        self.name = name
        self.parent = parent
        self.kind = kind
        self.hoursProfile = hoursProfile
        self.active = active
    }
}

/// Rules for the codes that identify offices, badges and violation types.
public enum Codes {
    /// Checks an office code or badge number: 1–64 characters of A–Z, 0–9, `-`, `_`, `.`, starting with a letter
    /// or digit. Codes end up in journal fields and file names, so they stay plain ASCII.
    /// - Throws: `InspectError.invalidInput` saying what is wrong.
    public static func validate(_ code: String, as what: String) throws {
        guard !code.isEmpty else { throw InspectError.invalidInput("\(what) must not be empty") }
        guard code.utf8.count <= 64 else { throw InspectError.invalidInput("\(what) '\(code)' is longer than 64") }
        let allowed = code.utf8.allSatisfy { byte in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
                || byte == 0x2E
        }
        let first = code.utf8.first!
        guard allowed, first != 0x2D, first != 0x5F, first != 0x2E else {
            throw InspectError.invalidInput(
                "\(what) '\(code)' may only contain A-Z, 0-9, '-', '_' and '.', starting with a letter or digit")
        }
    }
}
