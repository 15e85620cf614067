/// A parsed systemd-style INI file: `[Section]` headers and `Key=Value` assignments, each remembering its line.
///
/// The syntax follows systemd.syntax(7), so administrators meet no surprises:
/// - `[Name]` starts a section; section and key names are case-sensitive.
/// - `Key=Value`; spaces around `=` and at both ends are dropped.
/// - Lines whose first non-blank character is `#` or `;` are comments (only whole lines: `#` inside a value is kept).
/// - A line ending in `\` continues on the next one; the backslash becomes one space, and comment lines inside a
///   continuation are skipped. The entry is located at its first line.
/// - A key may repeat. Whether the last assignment wins or the assignments form a list is the consumer's choice
///   (`value(_:in:)` or `values(_:in:)`); an empty assignment `Key=` resets either.
///
/// Parsing is pure: it takes text and a path used only in error messages. Reading files and finding drop-ins is the
/// caller's job; `merging(main:dropIns:)` combines the results.
///
/// ```swift
/// let document = try IniDocument(text: "[Hours]\nGraceMinutes=10\n", path: "inspectd.conf")
/// let grace = try document.value("GraceMinutes", in: "Hours")?.int(in: 0...120)  // 10
/// ```
public struct IniDocument: Hashable, Sendable {
    /// A `[Name]` header and where it was written.
    public struct SectionHeader: Hashable, Sendable {
        public var name: String
        public var location: IniLocation
    }

    /// The path given when parsing (for a merged document, the main file's).
    public let path: String
    /// Every assignment, in file order (and for a merged document, in merge order).
    public private(set) var entries: [IniEntry]
    /// Every section header, in order, including repeats and sections without assignments.
    public private(set) var sectionHeaders: [SectionHeader]

    /// Parses `text`, naming `path` in errors.
    /// - Throws: `InspectError.invalidConfig` at the first malformed line: a key outside any section, a malformed
    ///   section header, or a line that is neither a header, a comment nor `Key=Value`. The message quotes at most
    ///   80 characters of that line, escaped, and none before the first section header.
    public init(text: String, path: String) throws {
        // "\r\n" is one Character in Swift, so it must be named as a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
        try self.init(lines: lines, path: path)
    }

    /// Parses the raw bytes of a file, which must be UTF-8.
    /// - Throws: `InspectError.invalidConfig` at the first line that is not valid UTF-8, or as `init(text:path:)`.
    public init(bytes: some Collection<UInt8>, path: String) throws {
        try self.init(byteArray: Array(bytes), path: path)
    }

    /// Splits and checks the bytes in code that is not generic: generic code is instantiated when it first runs, and
    /// a one-shot command reads its configuration once (README, Speed).
    private init(byteArray bytes: [UInt8], path: String) throws {
        var lines: [String] = []
        for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            guard let line = String(validating: raw, as: UTF8.self) else {
                throw InspectError.invalidConfig(path: path, line: lines.count + 1, reason: "line is not valid UTF-8")
            }
            lines.append(line)
        }
        try self.init(lines: lines, path: path)
    }

    /// A document holding the given entries and headers; used by merging.
    init(path: String, entries: [IniEntry], sectionHeaders: [SectionHeader]) {
        self.path = path
        self.entries = entries
        self.sectionHeaders = sectionHeaders
    }

    private init(lines: [String], path: String) throws {
        self.path = path
        entries = []
        sectionHeaders = []
        var section: String?
        // A logical line being assembled from continuation lines, with the number of its first line.
        var pending: (text: String, line: Int)?
        for index in lines.indices {
            var text = Substring(lines[index])
            if index == 0, text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
            let trimmed = text.trimmingSpaces
            let isComment = trimmed.hasPrefix("#") || trimmed.hasPrefix(";")
            if isComment || (pending == nil && trimmed.isEmpty) { continue }
            let start = pending ?? (text: "", line: index + 1)
            if trimmed.hasSuffix("\\") {
                pending = (start.text + trimmed.dropLast().trimmingSpaces + " ", start.line)
                continue
            }
            pending = nil
            try parse(logicalLine: (start.text + trimmed).trimmingSpaces, at: start.line, section: &section)
        }
        if let pending {
            try parse(logicalLine: pending.text.trimmingSpaces, at: pending.line, section: &section)
        }
    }

    private mutating func parse(logicalLine line: String, at number: Int, section: inout String?) throws {
        let location = IniLocation(path: path, line: number)
        if line.isEmpty { return }
        if line.hasPrefix("[") {
            let name = line.dropFirst().dropLast().trimmingSpaces
            guard line.hasSuffix("]"), !name.isEmpty, !name.contains("["), !name.contains("]") else {
                throw location.error("malformed section header\(shown(line)); expected '[Name]'")
            }
            section = name
            sectionHeaders.append(SectionHeader(name: name, location: location))
            return
        }
        guard let equals = line.firstIndex(of: "=") else {
            throw location.error("expected 'Key=Value', a '[Section]' header or a comment, found\(shown(line))")
        }
        let key = line[..<equals].trimmingSpaces
        guard !key.isEmpty, !key.contains(where: { $0 == " " || $0 == "\t" }) else {
            throw location.error(sectionHeaders.isEmpty ? "invalid key" : "invalid key\(shown(key)) in\(shown(line))")
        }
        guard let section else {
            throw location.error("an assignment\(shown(key + "=")) appears before any [Section] header")
        }
        let value = line[line.index(after: equals)...].trimmingSpaces
        entries.append(IniEntry(section: section, key: key, value: value, location: location))
    }

    /// The offending text for a message, as " 'excerpt'": escaped and at most 80 characters, and only once a
    /// section header has shown the file to be configuration. Before that it may be any file a path was pointed at
    /// (`/etc/shadow` through a symbolic link), and nothing of it is repeated.
    private func shown(_ text: some StringProtocol) -> String {
        sectionHeaders.isEmpty ? "" : " " + TerminalText.quoted(text)
    }
}
