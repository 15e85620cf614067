import ArgumentParser
import Foundation
import InspectCore
import InspectService
import InspectStore

/// `inspectctl backup DEST`
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database consistently, even while inspectd writes to it.",
        discussion: """
            Uses SQLite's online backup, then verifies the copy (integrity check and hash chain). Reads the \
            database directly: --database, $INSPECTD_DATABASE, Database= in the configuration, or \
            \(ServicePaths.defaultDatabase); run it as root or as the inspectd user. DEST must not exist.
            """)

    @Argument(help: "The new file to write.") var destination: String
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let config = options.settings.configPath
        let configuration = try ConfigLoader.load(path: config.path, explicit: config.explicit)
        let source = options.settings.daemonDatabase(configured: configuration.database)
        let database = try InspectDatabase.open(path: source, mode: .readOnly)
        try database.backup(to: destination)
        let copy = try InspectDatabase.open(path: destination, mode: .readOnly)
        let report = try copy.readTransaction { db in try FindingLedger.verify(db) }
        guard report.firstBreak == nil else {
            throw InspectError.integrity("the copy does not verify: \(report.firstBreak!)")
        }
        if options.json {
            return try Output.json(
                BackupJSON(source: source, destination: destination, findings: report.rows),
                zone: configuration.calendar.zone)
        }
        print("Backed up \(source) to \(destination): \(report.rows) findings, the chain verifies.")
    }
}

private struct BackupJSON: Encodable {
    var source: String
    var destination: String
    var findings: Int
}
