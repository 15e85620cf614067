/// The three statuses of people working in Vietnamese public offices; reports break results down by them.
public enum StaffCategory: String, Sendable, Codable, CaseIterable {
    /// Cán bộ: elected or appointed officials.
    case cadre
    /// Công chức: civil servants.
    case civilServant = "civil-servant"
    /// Viên chức: employees of public service units.
    case publicEmployee = "public-employee"
}

/// A person whose discipline may be checked, identified by their badge number.
public struct Staff: Hashable, Sendable, Codable {
    /// The number on the civil-servant ID badge; unique.
    public var badge: String
    public var name: String
    /// The code of the office the person works in now.
    public var office: String
    public var title: String?
    public var category: StaffCategory
    public var active: Bool
    /// The person's Unix user name, when one is linked: that user may read this person's record.
    public var login: String?

    public init(
        badge: String, name: String, office: String, title: String? = nil,
        category: StaffCategory = .civilServant, active: Bool = true, login: String? = nil
    ) {
        self.badge = badge
        self.name = name
        self.office = office
        self.title = title
        self.category = category
        self.active = active
        self.login = login
    }
}

/// Unix user names, as staff records store them to let people read their own record.
public enum Logins {
    /// Checks a user name as `useradd` and systemd accept it: 1–32 characters of letters, digits, `_`, `-` and `.`,
    /// starting with a letter or `_`. The name is compared with the caller's login, so nothing else could match.
    /// - Throws: `InspectError.invalidInput` saying what is wrong.
    public static func validate(_ login: String) throws {
        guard !login.isEmpty else { throw InspectError.invalidInput("login must not be empty") }
        guard login.utf8.count <= 32 else { throw InspectError.invalidInput("login '\(login)' is longer than 32") }
        func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
        let first = login.utf8.first!
        let allowed = login.utf8.allSatisfy { byte in
            isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D || byte == 0x2E
        }
        guard allowed, isLetter(first) || first == 0x5F else {
            throw InspectError.invalidInput(
                "login '\(login)' is not a user name: letters, digits, '_', '-' and '.', starting with a letter or '_'"
            )
        }
    }
}
