import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl verify`
struct VerifyCommand: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the database file and the findings' hash chain.",
        discussion: """
            Runs SQLite's integrity check, recomputes every finding's hash and the ledger of every other change \
            (offices, staff and logins, inspections and how many were checked, escalations and their \
            acknowledgement, corrective actions, draws), compares each table with its ledger, and compares the record \
            with what the journal witnessed of it: every finding's hash and the ledger's head as each event left. \
            Exits 0 when all holds, 65 naming the first problem: a row edited, inserted or deleted outside inspectd, \
            a record cut short or rewritten since the journal saw it. Without read access to the journal (group \
            systemd-journal; the daemon has it) the record is checked against itself only, and it says so.
            """)
    static let access = CommandContext.Access.read

    @OptionGroup var options: GlobalOptions

    func execute(_ context: CommandContext) throws {
        let report = try context.perform(Operations.Verify.self)
        if options.json {
            try Output.json(report, zone: try context.zone)
        } else {
            print("Database integrity: \(report.integrity.joined(separator: "; "))")
            print("Finding chain: \(report.chainBreak.map { "BROKEN at \($0)" } ?? "ok (\(report.findings) rows)")")
            print("Ledger: \(report.problems.isEmpty ? "ok" : "see below") (\(report.ledgerEntries) changes)")
            print("Journal witness: \(report.witness)")
            for problem in report.problems { print("  problem: \(problem)") }
            if report.outboxPending > 0 { print("Events waiting for the journal: \(report.outboxPending)") }
        }
        guard report.isValid else {
            throw InspectError.integrity(
                report.chainBreak ?? report.problems.first
                    ?? "integrity check failed: \(report.integrity.joined(separator: "; "))")
        }
    }
}
