/// A band a competency test's score falls in: `excellent` from 90, `good` from 70 and so on.
public struct CompetencyBand: Sendable, Codable, Hashable {
    /// The stable code reports and records use: `excellent`.
    public var code: String
    public var name: String
    /// The name in Vietnamese reports: `Giỏi`.
    public var nameVi: String
    /// The lowest score in the band; the band runs up to the next band's lowest score.
    public var from: Tenths

    public init(code: String, name: String, nameVi: String, from: Tenths) {
        self.code = code
        self.name = name
        self.nameVi = nameVi
        self.from = from
    }

    public func name(in language: Language) -> String { language == .vi ? nameVi : name }
}

/// The bands of `/etc/inspectd/bands.conf`, merged with its drop-ins in `bands.conf.d/*.conf`: how test scores are
/// read. Without the file there are none, and results cannot be recorded.
///
/// One `[Band CODE]` section per band (CODE as for titles). A drop-in may change a shipped band's threshold or names
/// by repeating its section, or withdraw it with `Enabled=no`. The bands must cover every score: one of them starts
/// at 0.
///
/// ```ini
/// [Band good]
/// Name=Good           # required
/// NameVi=Khá          # required
/// From=70             # the lowest score in the band, 0-100 with at most one decimal
/// Enabled=yes         # default yes
/// ```
public struct CompetencyBands: Sendable, Hashable {
    /// The enabled bands, highest first.
    public var bands: [CompetencyBand]

    public init(bands: [CompetencyBand]) { self.bands = bands.sorted { $0.from > $1.from } }

    /// No band at all: what applies without a `bands.conf`.
    public static let none = CompetencyBands(bands: [])

    public static let keys = ["Name", "NameVi", "From", "Enabled"]

    /// The band `score` falls in.
    /// - Throws: `InspectError.invalidInput` when no bands are configured.
    public func band(for score: Tenths) throws -> CompetencyBand {
        guard let band = bands.first(where: { $0.from <= score }) else {
            throw InspectError.invalidInput("no competency bands are configured (bands.conf next to the configuration)")
        }
        return band
    }

    /// Reads the bands of `document` (bands.conf merged with its drop-ins).
    /// - Throws: `InspectError.invalidConfig` at the offending file and line: an unknown section or key, a malformed
    ///   code, a missing name, a threshold that is not a score, two bands from the same score, no band from 0.
    public init(document: IniDocument) throws {
        try document.checkSections(expected: "[Band CODE]") { $0.hasPrefix("Band ") }
        var bands: [CompetencyBand] = []
        for section in document.sectionNames {
            let header = document.headerLocation(of: section)
            let code = String(section.dropFirst("Band ".count).trimmingSpaces)
            guard Plan.isSafeName(code) else {
                throw header.error("invalid band code \(TerminalText.quoted(code)): \(Plan.safeNameRule)")
            }
            try document.checkKeys(in: section, allowed: Self.keys)
            var names: [String] = []
            for key in ["Name", "NameVi"] {
                guard let entry = document.value(key, in: section), !entry.value.isEmpty else {
                    throw header.error("[\(section)] needs \(key)=")
                }
                do {
                    try InputLimits.rule(forField: "name").check(entry.value, as: "\(key)=")
                } catch let error as InspectError {
                    throw entry.error(error.description)
                }
                names.append(entry.value)
            }
            guard let fromEntry = document.value("From", in: section) else {
                throw header.error("[\(section)] needs From= (the band's lowest score)")
            }
            guard let from = CompetencyScore.parse(fromEntry.value) else {
                throw fromEntry.error("expected a score from 0 to 100 with at most one decimal")
            }
            guard try document.value("Enabled", in: section)?.bool() ?? true else { continue }
            if let other = bands.first(where: { $0.from == from }) {
                throw fromEntry.error("band \(other.code) starts at the same score")
            }
            bands.append(CompetencyBand(code: code, name: names[0], nameVi: names[1], from: from))
        }
        guard bands.isEmpty || bands.contains(where: { $0.from == Tenths(tenths: 0) }) else {
            throw IniLocation(path: document.path, line: 0).error("no band starts at 0: some scores would have none")
        }
        self.init(bands: bands)
    }
}
