import Foundation
import InspectCore
import InspectTesting
import Testing

/// `systemd/inspectd.catalog` explains every event kind, and journalctl accepts it.
@Suite("Journal message catalog")
struct CatalogTests {
    /// One `-- <id> [language]` section.
    struct Entry {
        var id: String
        var language: String?
        var lines: [String]
    }

    static let catalogURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("systemd/inspectd.catalog")

    static func entries() throws -> [Entry] {
        let text = try String(contentsOf: catalogURL, encoding: .utf8)
        var result: [Entry] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- ") {
                let words = line.dropFirst(3).split(separator: " ").map(String.init)
                result.append(Entry(id: words.first ?? "", language: words.count > 1 ? words[1] : nil, lines: []))
            } else if !line.hasPrefix("#"), !result.isEmpty {
                result[result.count - 1].lines.append(String(line))
            }
        }
        return result
    }

    @Test("every event kind has an English and a Vietnamese entry, and every entry is a known kind")
    func coversEveryKind() throws {
        let entries = try Self.entries()
        let known = Set(EventKind.allCases.map(\.messageID))

        #expect(Set(entries.filter { $0.language == nil }.map(\.id)) == known)
        #expect(Set(entries.filter { $0.language == "vi" }.map(\.id)) == known)
        #expect(entries.count == 2 * known.count, "one entry per kind and language")
        #expect(entries.allSatisfy { known.contains($0.id) })
    }

    @Test("every entry has a subject, names inspectd and explains itself")
    func entriesAreComplete() throws {
        for entry in try Self.entries() {
            let label = "\(entry.id) \(entry.language ?? "en")"
            #expect(entry.lines.contains { $0.hasPrefix("Subject: ") && $0.count > 12 }, "\(label)")
            #expect(entry.lines.contains("Defined-By: inspectd"), "\(label)")
            let body = entry.lines.drop { !$0.isEmpty }.joined(separator: " ")
            #expect(body.count > 60, "\(label) has a body")
        }
    }

    @Test(
        "journalctl --update-catalog accepts the file and lists every id",
        .enabled(if: SystemTool.find("journalctl") != nil, "journalctl is not installed"))
    func journalctlAcceptsIt() throws {
        // Given a root directory with the catalog where packages install catalogs
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inspectd-catalog-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let catalogs = root.appendingPathComponent("usr/lib/systemd/catalog")
        try FileManager.default.createDirectory(at: catalogs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.catalogURL, to: catalogs.appendingPathComponent("inspectd.catalog"))

        // When journalctl builds the catalog database there
        let update = try SystemTool.run("journalctl", ["--root=\(root.path)", "--update-catalog"])

        // Then it reports no problem, and its listing has every kind
        #expect(update.status == 0)
        #expect(update.errorOutput.isEmpty, "\(update.errorOutput)")
        let list = try SystemTool.run("journalctl", ["--root=\(root.path)", "--list-catalog"])
        #expect(list.status == 0)
        let listed = Set(
            list.output.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        #expect(listed == Set(EventKind.allCases.map(\.messageID)))
    }
}
