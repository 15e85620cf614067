/// A title (chức danh) a person may hold, as `titles.conf` names it.
public struct StaffTitle: Sendable, Codable, Hashable {
    /// The stable code records keep: `tu-phap-ho-tich`.
    public var code: String
    /// The title as people write it: `Tư pháp – hộ tịch`.
    public var name: String
    /// The level the title belongs to, when it belongs to one.
    public var level: StaffLevel?
    /// The category of those who hold it, when it is one.
    public var category: StaffCategory?

    public init(code: String, name: String, level: StaffLevel?, category: StaffCategory?) {
        self.code = code
        self.name = name
        self.level = level
        self.category = category
    }
}

/// The titles of `/etc/inspectd/titles.conf`, merged with its drop-ins in `titles.conf.d/*.conf`: the only titles a
/// person's title may be set to. Without the file there are none.
///
/// One `[Title CODE]` section per title (CODE: letters, digits, `-`, `_`, `.`). A drop-in may change a shipped title
/// by repeating its section with the keys to change, or withdraw it with `Enabled=no`: titles change with the law
/// (Trưởng Công an xã stopped being a commune civil servant's title in 2025), and records made under a withdrawn
/// title keep its code.
///
/// ```ini
/// [Title tu-phap-ho-tich]
/// Name=Tư pháp – hộ tịch     # required
/// Level=commune               # province, district or commune (optional)
/// Category=civil-servant      # cadre, civil-servant or public-employee (optional)
/// Enabled=yes                 # default yes
/// ```
public struct StaffTitles: Sendable, Hashable {
    /// The enabled titles, in the order of the files.
    public var titles: [StaffTitle]

    public init(titles: [StaffTitle]) { self.titles = titles }

    /// No title at all: what applies without a `titles.conf`.
    public static let none = StaffTitles(titles: [])

    /// The keys of a `[Title CODE]` section.
    public static let keys = ["Name", "Level", "Category", "Enabled"]

    /// The enabled title whose code is `code`.
    /// - Throws: `InspectError.invalidInput` listing the known codes (or saying there are none, and where they come
    ///   from).
    public func require(_ code: String) throws -> StaffTitle {
        if let title = titles.first(where: { $0.code == code }) { return title }
        guard !titles.isEmpty else {
            throw InspectError.invalidInput(
                "no title '\(code)': no titles are configured (titles.conf next to the configuration)")
        }
        throw InspectError.invalidInput(
            "no title '\(code)'; known titles: \(titles.map(\.code).joined(separator: ", "))")
    }

    /// Reads the titles of `document` (titles.conf merged with its drop-ins).
    /// - Throws: `InspectError.invalidConfig` at the offending file and line: an unknown section or key, a malformed
    ///   code, a missing or overlong name, an unknown level or category.
    public init(document: IniDocument) throws {
        try document.checkSections(expected: "[Title CODE]") { $0.hasPrefix("Title ") }
        var titles: [StaffTitle] = []
        for section in document.sectionNames {
            let header = document.headerLocation(of: section)
            let code = String(section.dropFirst("Title ".count).trimmingSpaces)
            guard Plan.isSafeName(code) else {
                throw header.error("invalid title code \(TerminalText.quoted(code)): \(Plan.safeNameRule)")
            }
            try document.checkKeys(in: section, allowed: Self.keys)
            guard let name = document.value("Name", in: section) else {
                throw header.error("[\(section)] needs Name= (the title as people write it)")
            }
            guard !name.value.trimmingSpaces.isEmpty else { throw name.error("a title needs a name") }
            do {
                try InputLimits.rule(forField: "name").check(name.value, as: "Name=")
            } catch let error as InspectError {
                throw name.error(error.description)
            }
            let level = try document.value("Level", in: section).map { entry in
                guard let level = StaffLevel(rawValue: entry.value) else {
                    throw entry.error("expected one of: " + StaffLevel.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return level
            }
            let category = try document.value("Category", in: section).map { entry in
                guard let category = StaffCategory(rawValue: entry.value) else {
                    throw entry.error(
                        "expected one of: " + StaffCategory.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return category
            }
            guard try document.value("Enabled", in: section)?.bool() ?? true else { continue }
            titles.append(StaffTitle(code: code, name: name.value, level: level, category: category))
        }
        self.init(titles: titles)
    }
}
