/// A help screen prepared when inspectctl is built, laid out for the terminal when it is shown.
///
/// ArgumentParser renders help by reflecting on every option's type, which makes the Swift runtime scan the
/// program's ~11,500 protocol conformance records again and again: that made `--help` take three times as long as
/// `sqlite3 --version`. The screens do not change between builds, only their wrapping does: so the build keeps each
/// one as ArgumentParser renders it at a width where nothing wraps (`help-screens`), and this wraps it again as
/// ArgumentParser would at the terminal's width. ArgumentParser wraps these parts, each on its own: the overview
/// (abstract and discussion, from the left margin), each option's or subcommand's abstract (from column 26, after
/// its label) and each one's discussion (from column 8); the usage, the headings and the labels are never wrapped.
/// The tests compare the result with ArgumentParser's own for every command at many widths.
///
/// It works on the screen's UTF-8 bytes. ArgumentParser counts columns in Characters; the build refuses a screen
/// with a Character of more than one Unicode scalar, so here a column is a scalar: a byte that does not continue
/// one. Going through Characters, and the standard library's generic string functions, cost as much again as the
/// rest of the program's start.
struct HelpLayout {
    /// One line or paragraph of the screen, as UTF-8.
    enum Part: Equatable {
        /// Shown as it is.
        case line([UInt8])
        /// The overview, wrapped from the left margin.
        case overview([UInt8])
        /// An option, argument or subcommand: its label, its abstract beside it and its discussion below.
        case entry(label: [UInt8], abstract: [UInt8], discussion: [UInt8])
    }

    static let labelColumn = 26
    static let discussionIndent = 8
    /// Narrower terminals are left to ArgumentParser: a discussion's indent would leave almost no room.
    static let narrowest = 40
    /// A width at which ArgumentParser wraps nothing: how the build renders the screens.
    static let unwrapped = 1_000_000

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")

    var parts: [Part]

    /// Reads a screen rendered with nothing wrapped.
    init(unwrapped text: String) {
        let bytes = Array(text.utf8)
        var parts: [Part] = []
        var start = 0
        if Self.starts(bytes, at: 0, with: "OVERVIEW: "), let usage = Self.find("\n\nUSAGE: ", in: bytes) {
            parts.append(.overview(Array(bytes[..<usage])))
            start = usage + 1
        }
        let lines = Self.lines(bytes[start...])
        var index = 0
        /// Lines from `index` indented by at least `indent` (and blank lines between them), without that indent.
        func block(indentedBy indent: Int, below limit: Int = .max) -> [ArraySlice<UInt8>] {
            var taken: [ArraySlice<UInt8>] = []
            var end = index
            while end < lines.count {
                if lines[end].isEmpty {
                    end += 1
                    continue
                }
                let width = Self.indent(of: lines[end])
                guard width >= indent, width < limit else { break }
                while index <= end {
                    taken.append(lines[index].dropFirst(indent))
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
                parts.append(.line(Array(line)))
                continue
            }
            var abstract: [ArraySlice<UInt8>] = []
            var label = line.dropFirst(2)
            // The abstract stands beside the label when the label leaves it room: a space in the column before the
            // abstract's, and none in its own.
            let column = Self.offset(in: line, scalars: Self.labelColumn - 1)
            let beside = Self.offset(in: line, scalars: 1, from: column)
            if beside < line.endIndex, line[column] == Self.space, line[beside] != Self.space {
                label = line[(line.startIndex + 2)..<beside]
                while label.last == Self.space { label = label.dropLast() }
                abstract.append(line[beside...])
            }
            abstract += block(indentedBy: Self.labelColumn)
            let discussion = block(indentedBy: Self.discussionIndent, below: Self.labelColumn)
            parts.append(
                .entry(label: Array(label), abstract: Self.joined(abstract), discussion: Self.joined(discussion)))
        }
        self.parts = parts
    }

    /// The screen wrapped to `width` columns, as ArgumentParser would print it.
    func rendered(width: Int) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(8_192)
        for (position, part) in parts.enumerated() {
            if position > 0 { text.append(Self.newline) }
            switch part {
            case .line(let line): text += line
            case .overview(let overview): Self.wrap(overview[...], to: width, indent: 0, into: &text)
            case .entry(let label, let abstract, let discussion):
                let padded = 2 + Self.scalars(in: label[...])
                text += [Self.space, Self.space]
                text += label
                if !abstract.isEmpty {
                    if padded < Self.labelColumn {
                        // The first line's margin is where the label already stands.
                        let from = text.count
                        Self.wrap(abstract[...], to: width, indent: Self.labelColumn, into: &text)
                        text.removeSubrange(from..<min(from + padded, text.count))
                    } else {
                        text.append(Self.newline)
                        Self.wrap(abstract[...], to: width, indent: Self.labelColumn, into: &text)
                    }
                }
                if !discussion.isEmpty {
                    text.append(Self.newline)
                    Self.wrap(discussion[...], to: width, indent: Self.discussionIndent, into: &text)
                }
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `text` broken into lines of at most `width` columns, each after `indent` spaces, as ArgumentParser
    /// breaks it: at the last space that fits, at the first space after when none does, and at every line break,
    /// keeping the lines before a break that fall within one line's room as they are.
    static func wrap(_ text: ArraySlice<UInt8>, to width: Int, indent: Int, into output: inout [UInt8]) {
        let room = width - indent
        guard room > 0 else { return }
        var first = true
        func emit(_ line: ArraySlice<UInt8>) {
            if !first { output.append(newline) }
            first = false
            if !line.isEmpty {
                output += repeatElement(space, count: indent)
                output += line
            }
        }
        var start = text.startIndex
        while true {
            let chunkEnd = offset(in: text, scalars: room, from: start)
            let chunk = text[start..<chunkEnd]
            if let lastBreak = chunk.lastIndex(of: newline) {
                var line = start
                for index in start..<lastBreak where text[index] == newline {
                    emit(text[line..<index])
                    line = index + 1
                }
                emit(text[line..<lastBreak])
                start = lastBreak + 1
            } else if chunkEnd == text.endIndex {
                emit(text[start...])
                return
            } else if let space = chunk.lastIndex(of: space) ?? text[start...].firstIndex(of: space) {
                emit(text[start..<space])
                start = space + 1
            } else {
                emit(text[start...])
                return
            }
        }
    }

    /// The index `scalars` Unicode scalars after `start` in `bytes` (UTF-8), or its end when there are fewer.
    static func offset(in bytes: ArraySlice<UInt8>, scalars: Int, from start: Int? = nil) -> Int {
        var index = start ?? bytes.startIndex
        var left = scalars
        while index < bytes.endIndex {
            if !isContinuation(bytes[index]) {
                if left == 0 { return index }
                left -= 1
            }
            index += 1
        }
        return index
    }

    /// How many Unicode scalars `bytes` (UTF-8) hold.
    static func scalars(in bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in bytes where !isContinuation(byte) { count += 1 }
        return count
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    private static func indent(of line: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in line {
            guard byte == space else { break }
            count += 1
        }
        return count
    }

    /// `lines` one after the other, each on its own line.
    private static func joined(_ lines: [ArraySlice<UInt8>]) -> [UInt8] {
        var text: [UInt8] = []
        for (number, line) in lines.enumerated() {
            if number > 0 { text.append(newline) }
            text += line
        }
        return text
    }

    /// `bytes` split at every line break.
    private static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == newline {
            lines.append(bytes[start..<index])
            start = index + 1
        }
        lines.append(bytes[start...])
        return lines
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with ascii: StaticString) -> Bool {
        let count = ascii.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pattern = ascii.utf8Start
        for offset in 0..<count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// Where `ascii` first occurs in `bytes`.
    private static func find(_ ascii: StaticString, in bytes: [UInt8]) -> Int? {
        let count = ascii.utf8CodeUnitCount
        guard bytes.count >= count else { return nil }
        for index in 0...(bytes.count - count) where starts(bytes, at: index, with: ascii) { return index }
        return nil
    }
}
