import ArgumentParser
import Foundation
import InspectCore

/// Writes command results as aligned tables, `key: value` blocks or JSON.
///
/// Everything written for people to read passes through ``TerminalText``: a table cell or a field as one line,
/// messages, errors and other text with their line breaks; JSON and the exports are written exactly (`json`, `write`).
enum Output {
    /// Prints `text` for people to read, its control characters escaped and its line breaks kept.
    static func text(_ text: String, terminator: String = "\n") {
        Swift.print(TerminalText.escaped(text, layout: .lines), terminator: terminator)
    }

    /// Writes `text` to standard output exactly, unbuffered, with no escaping: for text made to be printed as it
    /// is, where `print`, casting its argument, would make the runtime scan the conformance records.
    static func standardOutput(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// Prints rows under a header, columns aligned; `empty` is printed instead when there are no rows.
    /// A listing that arrives in pages prints one table per page, `continuing` after the first: columns are aligned
    /// within a page, the header printed once, and `empty` only when there are no rows at all.
    static func table(_ header: [String], _ rows: [[String]], empty: String, continuing: Bool = false) {
        let header = header.map { TerminalText.escaped($0) }
        let rows = rows.map { $0.map { TerminalText.escaped($0) } }
        guard !rows.isEmpty else {
            if !continuing { print(empty) }
            return
        }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        if !continuing { print(line(header)) }
        for row in rows { print(line(row)) }
    }

    /// Prints `label: value` lines with the values aligned, skipping absent values.
    static func fields(_ pairs: [(String, String?)]) {
        let present = pairs.compactMap { label, value in value.map { (label, TerminalText.escaped($0)) } }
        let width = present.map(\.0.count).max() ?? 0
        for (label, value) in present {
            print(label + ":" + String(repeating: " ", count: width - label.count + 1) + value)
        }
    }

    /// Prints `value` as pretty JSON with sorted keys and instants in local ISO 8601.
    static func json(_ value: some Encodable, zone: LocalZone) throws {
        Swift.print(try jsonText(value, zone: zone), terminator: "")
    }

    /// `value` as pretty JSON with sorted keys and instants in local ISO 8601, ending with a newline.
    static func jsonText(_ value: some Encodable, zone: LocalZone) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[.displayZone] = zone
        return jsonSafe(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
    }

    /// JSON text with the controls JSON itself allows raw (DEL, C1, bidi) written as `\uXXXX`: the same JSON value
    /// for a program, and nothing a terminal acts on for whoever prints it. Outside strings JSON is ASCII, so every
    /// such character is inside one, where the escape means the character itself.
    static func jsonSafe(_ json: String) -> String {
        // C0 controls are escaped in strings by the encoder already; outside them they are JSON's own white space.
        func raw(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x20 && TerminalText.isControl(scalar) }
        guard json.unicodeScalars.contains(where: raw) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if raw(scalar) {
                let hex = String(scalar.value, radix: 16)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Writes `text` to the file at `path`, or to standard output when there is none.
    /// - Throws: `ExitCode(73)` (sysexits' cannot create) after saying why, when the file cannot be written.
    static func write(_ text: String, to path: String?) throws {
        guard let path else { return Swift.print(text, terminator: "") }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Output.error("inspectctl: cannot write \(path): \((error as NSError).localizedDescription)")
            throw ExitCode(ExitStatus.cantCreate.rawValue)
        }
    }

    /// Writes a message to standard error, its control characters escaped and its line breaks kept.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((TerminalText.escaped(message, layout: .lines) + "\n").utf8))
    }
}

/// Every `print` in inspectctl is text for people: it goes through ``Output/text(_:terminator:)``, so a name or
/// note printed directly by a command (`"Added \(badge) (\(name))"`) is escaped like a table's cells. JSON and the
/// exports call `Swift.print` themselves, to be written exactly.
func print(_ text: String, terminator: String = "\n") {
    Output.text(text, terminator: terminator)
}
