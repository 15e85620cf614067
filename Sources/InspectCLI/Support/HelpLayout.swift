/// A help screen prepared when inspectctl is built, laid out for the terminal when it is shown.
///
/// ArgumentParser renders help by reflecting on every option's type, which makes the Swift runtime scan the
/// program's ~8,500 protocol conformance records again and again: that made `--help` take three times as long as
/// `sqlite3 --version`. The screens do not change between builds, only their wrapping does: so the build keeps each
/// one as ArgumentParser renders it at a width where nothing wraps (`help-screens`), and this wraps it again as
/// ArgumentParser would at the terminal's width. ArgumentParser wraps these parts, each on its own: the overview
/// (abstract and discussion, from the left margin), each option's or subcommand's abstract (from column 26, after
/// its label) and each one's discussion (from column 8); the usage, the headings and the labels are never wrapped.
/// The tests compare the result with ArgumentParser's own for every command at many widths.
struct HelpLayout {
    /// One line or paragraph of the screen.
    enum Part: Equatable {
        /// Shown as it is.
        case line(Substring)
        /// The overview, wrapped from the left margin.
        case overview(Substring)
        /// An option, argument or subcommand: its label, its abstract beside it and its discussion below.
        case entry(label: Substring, abstract: Substring, discussion: Substring)
    }

    static let labelColumn = 26
    static let discussionIndent = 8
    /// Narrower terminals are left to ArgumentParser: a discussion's indent would leave almost no room.
    static let narrowest = 40
    /// A width at which ArgumentParser wraps nothing: how the build renders the screens.
    static let unwrapped = 1_000_000

    var parts: [Part]

    /// Reads a screen rendered with nothing wrapped.
    init(unwrapped text: String) {
        var parts: [Part] = []
        var rest = Substring(text)
        if rest.hasPrefix("OVERVIEW: "), let usage = rest.range(of: "\n\nUSAGE: ") {
            parts.append(.overview(rest[..<usage.lowerBound]))
            rest = rest[rest.index(after: usage.lowerBound)...]
        }
        let lines = rest.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        /// Lines from `index` indented by at least `indent` (and blank lines between them), without that indent.
        func block(indentedBy indent: Int, below limit: Int = .max) -> [Substring] {
            var taken: [Substring] = []
            var end = index
            while end < lines.count {
                if lines[end].isEmpty {
                    end += 1
                    continue
                }
                let width = Self.indent(of: lines[end])
                guard width >= indent, width < limit else { break }
                while index <= end {
                    taken.append(lines[index].isEmpty ? "" : lines[index].dropFirst(indent))
                    index += 1
                }
                end = index
            }
            return taken
        }
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard Self.indent(of: line) == 2 else {
                parts.append(.line(line))
                continue
            }
            var abstract: [Substring] = []
            var label = line.dropFirst(2)
            let characters = Array(line)
            if characters.count > Self.labelColumn, characters[Self.labelColumn - 1] == " ",
                characters[Self.labelColumn] != " "
            {
                label = line.dropFirst(2).prefix(Self.labelColumn - 2)
                while label.last == " " { label = label.dropLast() }
                abstract.append(line.dropFirst(Self.labelColumn))
            }
            abstract += block(indentedBy: Self.labelColumn)
            let discussion = block(indentedBy: Self.discussionIndent, below: Self.labelColumn)
            parts.append(
                .entry(
                    label: label, abstract: Self.joined(abstract), discussion: Self.joined(discussion)))
        }
        self.parts = parts
    }

    /// The screen wrapped to `width` columns, as ArgumentParser would print it.
    func rendered(width: Int) -> String {
        var text = ""
        for (position, part) in parts.enumerated() {
            if position > 0 { text += "\n" }
            switch part {
            case .line(let line): text += line
            case .overview(let overview): text += Self.wrapped(overview, to: width, indent: 0)
            case .entry(let label, let abstract, let discussion):
                let padded = "  " + label
                text += padded
                if !abstract.isEmpty {
                    let wrapped = Self.wrapped(abstract, to: width, indent: Self.labelColumn)
                    text += padded.count < Self.labelColumn ? String(wrapped.dropFirst(padded.count)) : "\n" + wrapped
                }
                if !discussion.isEmpty {
                    text += "\n" + Self.wrapped(discussion, to: width, indent: Self.discussionIndent)
                }
            }
        }
        return text
    }

    /// `text` broken into lines of at most `width` characters, each after `indent` spaces, as ArgumentParser breaks
    /// it: at the last space that fits, at the first space after when none does, and at every line break, keeping
    /// the lines before a break that fall within one line's room as they are.
    static func wrapped(_ text: Substring, to width: Int, indent: Int) -> String {
        let room = width - indent
        guard room > 0 else { return "" }
        var lines: [Substring] = []
        var start = text.startIndex
        while true {
            let chunk = text[start...].prefix(room)
            if let lastBreak = chunk.lastIndex(of: "\n") {
                lines += text[start..<lastBreak].split(separator: "\n", omittingEmptySubsequences: false)
                start = text.index(after: lastBreak)
            } else if chunk.endIndex == text.endIndex {
                lines.append(text[start...])
                break
            } else if let space = chunk.lastIndex(of: " ") ?? text[start...].firstIndex(of: " ") {
                lines.append(text[start..<space])
                start = text.index(after: space)
            } else {
                lines.append(text[start...])
                break
            }
        }
        let margin = String(repeating: " ", count: indent)
        var wrapped = ""
        for (number, line) in lines.enumerated() {
            if number > 0 { wrapped += "\n" }
            if !line.isEmpty { wrapped += margin + line }
        }
        return wrapped
    }

    private static func indent(of line: Substring) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// `lines` one after the other, each on its own line. Written out rather than with `joined(separator:)`: the
    /// standard library's generic version makes the runtime scan the conformance records, the cost this type avoids.
    private static func joined(_ lines: [Substring]) -> Substring {
        var text = ""
        for (number, line) in lines.enumerated() {
            if number > 0 { text += "\n" }
            text += line
        }
        return Substring(text)
    }
}
