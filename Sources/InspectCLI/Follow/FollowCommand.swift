import ArgumentParser
import Foundation
import InspectCore
import InspectService
import InspectSystemd

/// `inspectctl follow [--since T] [--office CODE] [--priority P]`: the record's events from the journal, live.
struct FollowCommand: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow", abstract: "Show inspectd's events from the journal as they happen.",
        discussion: """
            Reads the system journal through libsystemd: every event inspectd and inspectctl report about this \
            record (the daemon's, or the --database one: entries carry its name as INSPECTD_RECORD, so another \
            database's events never show), one line each (or one JSON object per line with --json). Runs until \
            interrupted, unless --no-wait is given. Reading the system journal needs root or membership of the \
            systemd-journal (or adm) group.

            --since takes the times other options take, and relative ones as journalctl does: '-10min', '-2h', \
            '-1d 12h', '2h ago', 'yesterday', 'today' (local midnight), 'now'.
            """)
    static let access = CommandContext.Access.read

    @Option(parsing: .unconditional, help: "Start with the events since this time (default: only new ones).")
    var since: String?
    @Option(help: "Only events about this office.") var office: String?
    @Option(help: "Only events of this priority or more severe: emerg … debug, or 0–7 (e.g. warning).")
    var priority: String?
    @Flag(help: "Print the matching events so far and exit instead of waiting for more.") var noWait = false
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let priority, Self.priority(priority) == nil {
            throw ValidationError(
                "unknown priority '\(priority)'; use \(Priority.allCases.map(\.name).joined(separator: ", ")) or 0-7")
        }
    }

    func execute(_ context: CommandContext) throws {
        let zone = try context.zone
        let start = try since.map(context.instant)
        let record = try context.perform(Operations.Status.self, .init(recent: 0)).record
        if let warning = JournalAccess.current().warning { Output.error("inspectctl: follow: \(warning)") }
        var fields = ["RECORD": record]
        if let office { fields["OFFICE"] = office }
        let filter = JournalFilter(
            fields: fields, priorities: priority.flatMap(Self.priority).map { .emergency...$0 })
        let reader = try Self.journal { try JournalReader() }
        try Self.journal {
            try reader.apply(filter)
            if let start { try reader.seek(to: start) } else { try reader.seekTail() }
        }
        while true {
            while let entry = try Self.journal({ try reader.next() }) {
                try print(entry, zone: zone)
            }
            if noWait { return }
            _ = try Self.journal { try reader.waitForChanges(timeout: nil) }
        }
    }

    private func print(_ entry: JournalEntry, zone: LocalZone) throws {
        let fields = entry.fields
        let priority = fields["PRIORITY"].flatMap { Int($0) }.flatMap(Priority.init(rawValue:))
        if options.json {
            let event = FollowedEvent(
                time: entry.realtime, priority: priority?.name ?? "", identifier: fields["SYSLOG_IDENTIFIER"] ?? "",
                messageID: fields["MESSAGE_ID"], message: fields["MESSAGE"] ?? "",
                fields: fields.filter { $0.key.hasPrefix("INSPECTD_") })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.userInfo[.displayZone] = zone
            emit(Output.jsonSafe(String(decoding: try encoder.encode(event), as: UTF8.self)))
        } else {
            let time = zone.local(entry.realtime)
            // Any process may write to the journal with inspectd's fields: its text is escaped as one line.
            emit(
                TerminalText.escaped(
                    "\(time.date) \(time.time.fullDescription) \(priority?.name ?? "-") "
                        + "\(fields["SYSLOG_IDENTIFIER"] ?? "?"): \(fields["MESSAGE"] ?? "")"))
        }
    }

    /// Writes one line at once, so a reader at the other end of a pipe sees each event as it comes.
    private func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A priority given by name (`warning`, `err`) or number (`4`); nil when `text` names none.
    private static func priority(_ text: String) -> Priority? {
        if let number = Int(text) { return Priority(rawValue: number) }
        let aliases = ["error": Priority.error, "emergency": .emergency, "critical": .critical, "warn": .warning]
        return Priority.allCases.first(where: { $0.name == text.lowercased() }) ?? aliases[text.lowercased()]
    }

    /// Runs a journal call, reporting its failure as an I/O error.
    @discardableResult
    private static func journal<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as JournalError {
            throw InspectError.storage(path: "the journal", reason: error.description)
        }
    }
}

/// One followed event, as JSON.
private struct FollowedEvent: Encodable {
    var time: Instant
    var priority: String
    var identifier: String
    var messageID: String?
    var message: String
    /// The `INSPECTD_*` fields, with their prefix.
    var fields: [String: String]
}
