import ArgumentParser
import Foundation
import InspectCore
import InspectService
import InspectSystemd

/// `inspectctl follow [--since T] [--office CODE] [--priority P] [--record ID] [--directory DIR | --merge]`: inspectd's
/// events from the journal, live: this record's, or at a center every site's.
struct FollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow", abstract: "Show inspectd's events from the journal as they happen.",
        discussion: """
            Reads the system journal through libsystemd: every event inspectd and inspectctl report about this \
            record (the daemon's, or the --database one: entries carry its name as INSPECTD_RECORD, so another \
            database's events never show), one line each (or one JSON object per line with --json). Runs until \
            interrupted, unless --no-wait is given. Reading the system journal needs root or membership of the \
            systemd-journal (or adm) group.

            At a province's center, where systemd-journal-remote writes what the sites' systemd-journal-upload \
            sends, --directory reads those journal files (/var/log/journal/remote) and --merge reads every journal \
            on the machine, local and received. Either shows the events of every record found there, or of the one \
            --record names (a site's 'inspectctl status --json' shows it as report.record); --record alone picks a \
            record in this machine's journal. With any of the three no database or daemon is needed, and each line \
            names the host and the record it came from (JSON: "host", and INSPECTD_RECORD among the fields). \
            Reading the received journals needs root or membership of their group (systemd-journal-remote).

            --since takes the times other options take, and relative ones as journalctl does: '-10min', '-2h', \
            '-1d 12h', '2h ago', 'yesterday', 'today' (local midnight), 'now'.
            """)

    @Option(parsing: .unconditional, help: "Start with the events since this time (default: only new ones).")
    var since: String?
    @Option(help: "Only events about this office.") var office: String?
    @Option(help: "Only events of this priority or more severe: emerg … debug, or 0–7 (e.g. warning).")
    var priority: String?
    @Option(
        help: ArgumentHelp(
            "Only events of this record (default: this database's; with --directory or --merge, every record's).",
            valueName: "id"))
    var record: String?
    @Option(
        help: ArgumentHelp(
            "Read the journal files in this directory (a center's /var/log/journal/remote) instead of the system's.",
            valueName: "dir"))
    var directory: String?
    @Flag(help: "Read every journal on this machine, local and received from other machines (journalctl --merge).")
    var merge = false
    @Flag(help: "Print the matching events so far and exit instead of waiting for more.") var noWait = false
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let priority, Self.priority(priority) == nil {
            throw ValidationError(
                "unknown priority '\(priority)'; use \(Priority.allCases.map(\.name).joined(separator: ", ")) or 0-7")
        }
        if directory != nil && merge { throw ValidationError("--directory and --merge exclude each other") }
    }

    func run() throws {
        let source = try self.source()
        let (record, zone) = try scope()
        let start = try since.map { try TimeParsing.instant($0, in: zone, now: Instant(Date())) }
        var fields: [String: String] = [:]
        if let record { fields["RECORD"] = record }
        if let office { fields["OFFICE"] = office }
        let filter = JournalFilter(
            fields: fields, priorities: priority.flatMap(Self.priority).map { .emergency...$0 })
        let reader = try Self.journal { try JournalReader(source) }
        try Self.journal {
            try reader.apply(filter)
            if let start { try reader.seek(to: start) } else { try reader.seekTail() }
        }
        while true {
            while let entry = try Self.journal({ try reader.next() }) {
                // The daemon's own log lines share its identifier; only events carry a record.
                if entry.fields["INSPECTD_RECORD"] != nil { try print(entry, zone: zone) }
            }
            if noWait { return }
            _ = try Self.journal { try reader.waitForChanges(timeout: nil) }
        }
    }

    /// Whether lines name the host and record of each event: whenever they may come from more than this record.
    private var namesOrigin: Bool { record != nil || directory != nil || merge }

    /// The journal files to read; a directory is checked first, since libsystemd finds nothing in one it may not
    /// read rather than failing.
    private func source() throws -> JournalReader.Source {
        guard let directory else {
            if let warning = JournalAccess.current().warning { Output.error("inspectctl: follow: \(warning)") }
            return merge ? .merged : .local
        }
        let path = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
        do throws(JournalDirectory.Problem) {
            let files = try JournalDirectory.check(path)
            if files.unreadable > 0 {
                Output.error(
                    "inspectctl: follow: \(files.unreadable) of the journal files in \(directory) cannot be read by "
                        + "this user and are left out")
            }
        } catch .missing {
            throw InspectError.notFound(kind: "journal directory", key: directory)
        } catch .unreadable(let reason) {
            throw InspectError.permissionDenied("cannot read the journal directory \(directory): \(reason)")
        } catch .filesUnreadable(let count) {
            throw InspectError.permissionDenied(
                "this user may read none of the \(count) journal files in \(directory): run as root or as a member "
                    + "of their group (at a center, systemd-journal-remote)")
        }
        return .directory(path)
    }

    /// The record whose events show (nil: every record's), and the zone times are read and shown in. Only this
    /// database's own record needs the record itself (through the daemon, or --database).
    private func scope() throws -> (record: String?, zone: LocalZone) {
        guard record == nil && directory == nil && !merge else {
            let config = options.settings.configPath
            return (record, try ConfigLoader.load(path: config.path, explicit: config.explicit).calendar.zone)
        }
        let context = try CommandContext(options.settings, access: .read, showsTimes: true)
        return (try context.perform(Operations.Status.self, .init(recent: 0)).record, try context.zone)
    }

    private func print(_ entry: JournalEntry, zone: LocalZone) throws {
        let fields = entry.fields
        let priority = fields["PRIORITY"].flatMap { Int($0) }.flatMap(Priority.init(rawValue:))
        if options.json {
            let event = FollowedEvent(
                time: entry.realtime, priority: priority?.name ?? "", host: fields["_HOSTNAME"],
                identifier: fields["SYSLOG_IDENTIFIER"] ?? "",
                messageID: fields["MESSAGE_ID"], message: fields["MESSAGE"] ?? "",
                fields: fields.filter { $0.key.hasPrefix("INSPECTD_") })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.userInfo[.displayZone] = zone
            emit(Output.jsonSafe(String(decoding: try encoder.encode(event), as: UTF8.self)))
        } else {
            let time = zone.local(entry.realtime)
            let origin = namesOrigin ? "\(fields["_HOSTNAME"] ?? "?") \(fields["INSPECTD_RECORD"] ?? "?") " : ""
            // Any process may write to the journal with inspectd's fields: its text is escaped as one line.
            emit(
                TerminalText.escaped(
                    "\(time.date) \(time.time.fullDescription) \(priority?.name ?? "-") \(origin)"
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
    /// The machine that logged it (`_HOSTNAME`): at a center, the site.
    var host: String?
    var identifier: String
    var messageID: String?
    var message: String
    /// The `INSPECTD_*` fields, with their prefix.
    var fields: [String: String]
}
