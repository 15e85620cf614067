/// The standards of `/etc/inspectd/standards.conf`, merged with its drop-ins in `standards.conf.d/*.conf`: what each
/// level, category and title requires. Without the file there are none, and no one is measured against one.
///
/// One `[Standard NAME]` section per standard. `Level=`, `Category=` and `Title=` say whom it applies to (at least
/// one); of the standards that apply to a person, the most specific is theirs (``Standard/specificity``), and two
/// drawn on the same people are refused. Each requirement is a minimum level of one qualification kind; `Basis=`
/// cites the legal text (required). A drop-in changes a shipped standard by repeating its section with the keys to
/// change, or withdraws it with `Enabled=no`.
///
/// ```ini
/// [Standard tu-phap-ho-tich]
/// Title=tu-phap-ho-tich           # a code of titles.conf; or Level=, Category=
/// Education=bachelor              # education, with EducationField= (a list) when the field matters
/// EducationField=Luật
/// PoliticalTheory=                # political-theory, state-management, IT and language levels likewise
/// IT=basic
/// Basis=Luật Hộ tịch 2014, art. 72
/// ```
public struct Standards: Sendable, Hashable {
    /// The enabled standards, in the order of the files.
    public var standards: [Standard]

    public init(standards: [Standard]) { self.standards = standards }

    /// No standard at all: what applies without a `standards.conf`.
    public static let none = Standards(standards: [])

    /// The keys naming a requirement, each with the kind it requires.
    static let requirementKeys: [(key: String, kind: QualificationKind)] = [
        ("Education", .education), ("PoliticalTheory", .politicalTheory), ("StateManagement", .stateManagement),
        ("IT", .informationTechnology), ("Language", .language),
    ]

    /// Every key of a `[Standard NAME]` section.
    public static let keys =
        ["Level", "Category", "Title", "EducationField", "Basis", "Enabled"] + requirementKeys.map(\.key)

    /// The standard that applies to a person of this level, category and title: the most specific; nil when none
    /// does.
    public func standard(level: StaffLevel, category: StaffCategory, title: String?) -> Standard? {
        standards.filter { $0.applies(level: level, category: category, title: title) }
            .max { $0.specificity < $1.specificity }
    }

    /// Reads the standards of `document` (standards.conf merged with its drop-ins).
    /// - Parameter titles: the titles a `Title=` may name.
    /// - Throws: `InspectError.invalidConfig` at the offending file and line: an unknown section or key, a malformed
    ///   name, an unknown level, category, title or qualification level, a field without an education, a standard
    ///   that applies to no one in particular or to the same people as another, a missing basis.
    public init(document: IniDocument, titles: StaffTitles) throws {
        try document.checkSections(expected: "[Standard NAME]") { $0.hasPrefix("Standard ") }
        var standards: [Standard] = []
        var drawn: [String: String] = [:]
        for section in document.sectionNames {
            let header = document.headerLocation(of: section)
            let name = String(section.dropFirst("Standard ".count).trimmingSpaces)
            guard Plan.isSafeName(name) else {
                throw header.error("invalid standard name \(TerminalText.quoted(name)): \(Plan.safeNameRule)")
            }
            try document.checkKeys(in: section, allowed: Self.keys)
            guard try document.value("Enabled", in: section)?.bool() ?? true else { continue }
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
            let title = try document.value("Title", in: section).map { entry in
                guard titles.titles.contains(where: { $0.code == entry.value }) else {
                    throw entry.error("not a title of titles.conf")
                }
                return entry.value
            }
            guard level != nil || category != nil || title != nil else {
                throw header.error("[\(section)] needs Level=, Category= or Title= (whom it applies to)")
            }
            let key = [level?.rawValue ?? "*", category?.rawValue ?? "*", title ?? "*"].joined(separator: "/")
            if let other = drawn[key] {
                throw header.error("[\(section)] applies to the same people as [Standard \(other)]")
            }
            drawn[key] = name
            let requirements = try Self.requirements(document, section: section)
            guard let basis = document.value("Basis", in: section) else {
                throw header.error("[\(section)] needs Basis= (the legal text it comes from)")
            }
            standards.append(
                Standard(
                    name: name, level: level, category: category, title: title, requirements: requirements,
                    basis: basis.value))
        }
        self.init(standards: standards)
    }

    /// The requirements of `section`, in the order of ``requirementKeys``.
    private static func requirements(_ document: IniDocument, section: String) throws -> [Requirement] {
        let fields = document.values("EducationField", in: section)
        if let field = fields.first, document.value("Education", in: section) == nil {
            throw field.error("a field needs an education level (Education=)")
        }
        return try requirementKeys.compactMap { key, kind in
            guard let entry = document.value(key, in: section) else { return nil }
            guard kind.levels.contains(entry.value) else {
                throw entry.error("expected one of: " + kind.levels.joined(separator: ", "))
            }
            return Requirement(kind: kind, level: entry.value, fields: kind == .education ? fields.map(\.value) : [])
        }
    }
}
