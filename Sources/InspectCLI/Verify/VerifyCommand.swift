import ArgumentParser
import InspectCore
import InspectService

/// `inspectctl verify`
struct VerifyCommand: ServiceCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the database file and the findings' hash chain.",
        discussion: """
            Runs SQLite's integrity check and recomputes every finding's hash. Exits 0 when both hold, 65 \
            naming the first bad row when a finding was edited, inserted or deleted outside inspectd.
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
            if report.outboxPending > 0 { print("Events waiting for the journal: \(report.outboxPending)") }
        }
        guard report.isValid else {
            throw InspectError.integrity(
                report.chainBreak ?? "integrity check failed: \(report.integrity.joined(separator: "; "))")
        }
    }
}
