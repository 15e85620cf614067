import ArgumentParser
import Foundation
import InspectCore

/// Writes command results as aligned tables, `key: value` blocks or JSON.
enum Output {
    /// Prints rows under a header, columns aligned; `empty` is printed instead when there are no rows.
    /// A listing that arrives in pages prints one table per page, `continuing` after the first: columns are aligned
    /// within a page, the header printed once, and `empty` only when there are no rows at all.
    static func table(_ header: [String], _ rows: [[String]], empty: String, continuing: Bool = false) {
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
        let present = pairs.compactMap { label, value in value.map { (label, $0) } }
        let width = present.map(\.0.count).max() ?? 0
        for (label, value) in present {
            print(label + ":" + String(repeating: " ", count: width - label.count + 1) + value)
        }
    }

    /// Prints `value` as pretty JSON with sorted keys and instants in local ISO 8601.
    static func json(_ value: some Encodable, zone: LocalZone) throws {
        print(try jsonText(value, zone: zone), terminator: "")
    }

    /// `value` as pretty JSON with sorted keys and instants in local ISO 8601, ending with a newline.
    static func jsonText(_ value: some Encodable, zone: LocalZone) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[.displayZone] = zone
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Writes `text` to the file at `path`, or to standard output when there is none.
    /// - Throws: `ExitCode(73)` (sysexits' cannot create) after saying why, when the file cannot be written.
    static func write(_ text: String, to path: String?) throws {
        guard let path else { return print(text, terminator: "") }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Output.error("inspectctl: cannot write \(path): \((error as NSError).localizedDescription)")
            throw ExitCode(ExitStatus.cantCreate.rawValue)
        }
    }

    /// Writes a message to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
