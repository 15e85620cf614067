extension ClassificationRules {
    public static let ruleKeys = [
        "Findings", "Escalations", "Referrals", "UndoneActions", "Bands", "Allows", "Reason", "ReasonVi", "Review",
        "Enabled",
    ]

    /// The keys of a rule that are conditions on a count, with the fact each counts.
    private static var countKeys: [(key: String, path: WritableKeyPath<ClassificationRule, Int?>)] {
        [
            ("Findings", \.findings), ("Escalations", \.escalations), ("Referrals", \.referrals),
            ("UndoneActions", \.undoneActions),
        ]
    }

    /// Reads the rules of `document` (`classification.conf` merged with its drop-ins).
    ///
    /// ```ini
    /// [Classification]
    /// Default=good        # the level of a person no rule applies to (default good)
    ///
    /// [Rule referral]
    /// Referrals=1         # conditions, all of which must hold: counts from this many up,
    /// Bands=failed none   #   the band of the year's latest test result ("none": no test)
    /// Allows=done         # required: the best level the rule allows
    /// Reason=…            # required, and ReasonVi=
    /// Review=yes          # default no: the rule flags for the streamlining review
    /// Enabled=yes         # default yes; a drop-in withdraws a shipped rule with Enabled=no
    /// ```
    /// - Parameter bands: the configured band codes, which `Bands=` may name.
    /// - Throws: `InspectError.invalidConfig` at the offending file and line: an unknown section or key, a malformed
    ///   name, an unknown level or band, a count that is not a whole number from 1, a rule without a condition,
    ///   without `Allows=` or a reason.
    public init(document: IniDocument, bands: [String]) throws {
        try document.checkSections(expected: "[Classification], [Rule NAME]") {
            $0 == "Classification" || $0.hasPrefix("Rule ")
        }
        try document.checkKeys(in: "Classification", allowed: ["Default"])
        let defaultLevel = try document.value("Default", in: "Classification").map(Self.level) ?? .good
        var rules: [ClassificationRule] = []
        for section in document.sectionNames where section.hasPrefix("Rule ") {
            let header = document.headerLocation(of: section)
            let name = String(section.dropFirst("Rule ".count).trimmingSpaces)
            guard Plan.isSafeName(name) else {
                throw header.error("invalid rule name \(TerminalText.quoted(name)): \(Plan.safeNameRule)")
            }
            try document.checkKeys(in: section, allowed: Self.ruleKeys)
            guard let allowsEntry = document.value("Allows", in: section) else {
                throw header.error(
                    "[\(section)] needs Allows= (the best level it allows: \(ClassificationLevel.spellings))")
            }
            var texts: [String] = []
            for key in ["Reason", "ReasonVi"] {
                guard let entry = document.value(key, in: section) else {
                    throw header.error("[\(section)] needs \(key)=")
                }
                do {
                    try InputLimits.rule(forField: "note").check(entry.value, as: "\(key)=")
                } catch let error as InspectError {
                    throw entry.error(error.description)
                }
                texts.append(entry.value)
            }
            var rule = ClassificationRule(
                name: name, allows: try Self.level(allowsEntry), reason: texts[0], reasonVi: texts[1],
                review: try document.value("Review", in: section)?.bool() ?? false)
            for (key, path) in Self.countKeys {
                rule[keyPath: path] = try document.value(key, in: section)?.int(in: 1...100_000)
            }
            if let entry = document.value("Bands", in: section) {
                let named = entry.value.split(separator: " ").map(String.init)
                if let unknown = named.first(where: { $0 != ClassificationRule.noTest && !bands.contains($0) }) {
                    throw entry.error(
                        "unknown band \(TerminalText.quoted(unknown)); bands.conf has "
                            + (bands + [ClassificationRule.noTest]).joined(separator: ", "))
                }
                rule.bands = named
            }
            guard
                rule.findings != nil || rule.escalations != nil || rule.referrals != nil
                    || rule.undoneActions != nil || rule.bands != nil
            else {
                throw header.error(
                    "[\(section)] has no condition: give Findings=, Escalations=, Referrals=, UndoneActions= or Bands=")
            }
            guard try document.value("Enabled", in: section)?.bool() ?? true else { continue }
            rules.append(rule)
        }
        self.init(defaultLevel: defaultLevel, rules: rules)
    }

    /// The level an entry names.
    private static func level(_ entry: IniEntry) throws -> ClassificationLevel {
        guard let level = ClassificationLevel(rawValue: entry.value) else {
            throw entry.error("expected a level: \(ClassificationLevel.spellings)")
        }
        return level
    }
}
