extension IniDocument {
    // MARK: - Merging

    /// The documents' sections and assignments one after the other, as if the files were concatenated.
    ///
    /// This is systemd's drop-in rule: a later single-valued assignment wins, a later list assignment appends, and an
    /// empty assignment in a later file resets what came before.
    public init(merging documents: [IniDocument]) {
        self.init(
            path: documents.first?.path ?? "",
            entries: documents.flatMap(\.entries),
            sectionHeaders: documents.flatMap(\.sectionHeaders))
    }

    /// `main` followed by its drop-ins (the `NAME.conf.d/*.conf` files) in order of file name, whatever their
    /// directory, as systemd orders them.
    public static func merging(main: IniDocument, dropIns: [IniDocument]) -> IniDocument {
        let ordered = dropIns.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element.fileName, rhs.element.fileName)
            return left == right ? lhs.offset < rhs.offset : left < right
        }
        return IniDocument(merging: [main] + ordered.map(\.element))
    }

    /// The last path component: `50-hours.conf`.
    var fileName: Substring { path.split(separator: "/").last ?? Substring(path) }

    // MARK: - Looking up values

    /// Section names in order of first appearance.
    public var sectionNames: [String] {
        var seen: Set<String> = []
        return sectionHeaders.map(\.name).filter { seen.insert($0).inserted }
    }

    /// Where `section` is first opened, for errors about the section as a whole (line 0 when it never is).
    public func headerLocation(of section: String) -> IniLocation {
        sectionHeaders.first { $0.name == section }?.location ?? IniLocation(path: path, line: 0)
    }

    /// Every assignment in `section`, in order.
    public func entries(in section: String) -> [IniEntry] {
        entries.filter { $0.section == section }
    }

    /// The value of a single-valued key: its last assignment, or nil when it is never assigned or its last
    /// assignment is empty (`Key=` restores the compiled default).
    public func value(_ key: String, in section: String) -> IniEntry? {
        guard let last = entries.last(where: { $0.section == section && $0.key == key }), !last.value.isEmpty else {
            return nil
        }
        return last
    }

    /// The values of a list key: every assignment in order, restarting after each empty assignment.
    public func values(_ key: String, in section: String) -> [IniEntry] {
        var list: [IniEntry] = []
        for entry in entries where entry.section == section && entry.key == key {
            if entry.value.isEmpty { list.removeAll() } else { list.append(entry) }
        }
        return list
    }

    // MARK: - Validation

    /// Rejects any key of `section` not in `allowed`, so a misspelt key is an error instead of a silently ignored
    /// setting.
    /// - Throws: `InspectError.invalidConfig` at the first unknown key, listing the valid ones.
    public func checkKeys(in section: String, allowed: [String]) throws {
        guard let unknown = entries(in: section).first(where: { !allowed.contains($0.key) }) else { return }
        var reason = "unknown key \(TerminalText.quoted(unknown.key)) in [\(TerminalText.excerpt(section))]"
        if let guess = allowed.first(where: { $0.isLikelyMisspelt(as: unknown.key) }) {
            reason += " (did you mean '\(guess)'?)"
        }
        reason += "; valid keys: \(allowed.sorted().joined(separator: ", "))"
        throw unknown.location.error(reason)
    }

    /// Rejects any section for which `isKnown` is false.
    /// - Parameter expected: the accepted sections, for the message: `"[Calendar], [Hours], [Hours NAME]"`.
    /// - Throws: `InspectError.invalidConfig` at the first unknown section header.
    public func checkSections(expected: String, isKnown: (String) -> Bool) throws {
        guard let unknown = sectionHeaders.first(where: { !isKnown($0.name) }) else { return }
        throw unknown.location.error("unknown section [\(unknown.name)]; expected \(expected)")
    }
}

extension String {
    /// Whether `typed` looks like a slip for this key: same letters ignoring case, or at most two edits away.
    fileprivate func isLikelyMisspelt(as typed: String) -> Bool {
        let (a, b) = (Array(lowercased()), Array(typed.lowercased()))
        guard !a.isEmpty, !b.isEmpty, abs(a.count - b.count) <= 2 else { return false }
        // Levenshtein distance, one row at a time.
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current.append(Swift.min(previous[j] + 1, current[j - 1] + 1, substitution))
            }
            previous = current
        }
        return previous[b.count] <= 2
    }
}
