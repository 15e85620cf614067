/// Reading the escalation rules from `/etc/inspectd/escalation.conf`, merged with its drop-ins in
/// `escalation.conf.d/*.conf`.
///
/// One `[Rule NAME]` section per rule (NAME: letters, digits, `-`, `_`, `.`). A drop-in may change a shipped rule by
/// repeating its section with the keys to change, or switch it off with `Enabled=no`.
///
/// ```ini
/// [Rule late-reminder]
/// Description=Late three times in a month: remind
/// Violations=LATE               # violation type codes (list); and/or
/// MinSeverity=minor             # minor, moderate or serious: this severity or worse
/// Subject=staff                 # staff (default) or office
/// Count=3                       # this many or more (1-1000)
/// Window=30 days                # N days, or N working days (1-3660)
/// Level=reminder                # reminder, correction or referral
/// Enabled=yes                   # default yes
/// ```
/// `Count=`, `Window=` and `Level=` are required, and `Violations=` or `MinSeverity=` (or both: then a finding must
/// match both).
extension EscalationRules {
    /// The keys of a `[Rule NAME]` section.
    public static let keys = [
        "Description", "Violations", "MinSeverity", "Subject", "Count", "Window", "Level", "Enabled",
    ]

    /// Reads the rules of `document` (escalation.conf merged with its drop-ins).
    /// - Parameter violationCodes: the violation type codes `Violations=` may name.
    /// - Throws: `InspectError.invalidConfig` at the offending file and line: an unknown section or key, a malformed
    ///   name or value, an unknown violation type, a missing required key.
    public init(document: IniDocument, violationCodes: Set<String> = Set(ViolationType.defaults.map(\.code))) throws {
        try document.checkSections(expected: "[Rule NAME]") { $0.hasPrefix("Rule ") }
        var rules: [EscalationRule] = []
        for section in document.sectionNames {
            rules.append(try Self.rule(section, in: document, violationCodes: violationCodes))
        }
        self.init(rules: rules)
    }

    private static func rule(
        _ section: String, in document: IniDocument, violationCodes: Set<String>
    ) throws -> EscalationRule {
        let header = document.headerLocation(of: section)
        let name = section.dropFirst("Rule ".count).trimmingSpaces
        guard Plan.isSafeName(name) else {
            throw header.error("invalid rule name \(TerminalText.quoted(name)): \(Plan.safeNameRule)")
        }
        try document.checkKeys(in: section, allowed: keys)
        func value(_ key: String) -> IniEntry? { document.value(key, in: section) }
        func required(_ key: String, _ example: String) throws -> IniEntry {
            guard let entry = value(key) else { throw header.error("[\(section)] needs \(key)= (\(example))") }
            return entry
        }
        var violations: [String] = []
        for entry in document.values("Violations", in: section) {
            for word in entry.value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
                let code = String(word)
                guard violationCodes.contains(code) else {
                    throw entry.error(
                        "no violation type \(TerminalText.quoted(code)); known: \(violationCodes.sorted().joined(separator: ", "))"
                    )
                }
                if !violations.contains(code) { violations.append(code) }
            }
        }
        let minSeverity = try value("MinSeverity").map { try $0.oneOf(Severity.self) }
        guard !violations.isEmpty || minSeverity != nil else {
            throw header.error("[\(section)] must select findings with Violations= (codes) or MinSeverity=")
        }
        let countEntry = try required("Count", "how many findings, like Count=3")
        let windowEntry = try required("Window", "like Window=30 days or Window=20 working days")
        guard let window = EscalationWindow(parsing: windowEntry.value) else {
            throw windowEntry.error(
                "expected N days or N working days, N from 1 to \(EscalationWindow.longest), like 30 days")
        }
        return EscalationRule(
            name: name, summary: value("Description")?.value, violations: violations, minSeverity: minSeverity,
            subject: try value("Subject")?.oneOf(EscalationSubjectKind.self) ?? .staff,
            threshold: try countEntry.int(in: 1...1000), window: window,
            level: try required("Level", "reminder, correction or referral").oneOf(EscalationLevel.self),
            enabled: try value("Enabled")?.bool() ?? true)
    }
}

extension IniEntry {
    /// The value as one of `Choice`'s raw values.
    fileprivate func oneOf<Choice: RawRepresentable & CaseIterable>(_: Choice.Type) throws -> Choice
    where Choice.RawValue == String {
        guard let choice = Choice(rawValue: value) else {
            throw error("expected one of: \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }
}
