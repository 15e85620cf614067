import ArgumentParser
import Foundation
import InspectCore

/// `inspectctl calendar EXPR [--iterations N] [--from TIME]`: like `systemd-analyze calendar`.
struct CalendarCommand: ConfigCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Normalize a calendar expression and show when it next elapses.",
        discussion: """
            Expressions use systemd's OnCalendar= syntax (man systemd.time), as planned inspections do: \
            'Mon..Fri *-*-* 08:00', '*-*-01 09:00', 'quarterly', 'Mon *-*-1..7 08:00 Asia/Ho_Chi_Minh'. Times are \
            computed in the configured time zone unless the expression names one; the output matches \
            'systemd-analyze calendar'.
            """)

    @Argument(help: "The calendar expression (quote it).") var expression: String
    @Option(help: "How many elapses to show.") var iterations = 1
    @Option(parsing: .unconditional, help: "Compute from this time instead of now.") var from: String?
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard iterations >= 1 else {
            throw ValidationError("--iterations must be at least 1, not \(iterations)")
        }
    }

    func execute(_ configuration: InspectConfiguration) throws {
        let zone = configuration.calendar.zone
        let now = Instant(Date())
        let start = try from.map { try TimeParsing.instant($0, in: zone, now: now) } ?? now
        let report = try CalendarSpecReport(expression: expression, iterations: iterations, from: start, zone: zone)
        if options.json {
            return try Output.json(CalendarJSON(report), zone: zone)
        }
        print(report.lines.joined(separator: "\n"))
    }
}

/// The JSON form of a calendar report.
private struct CalendarJSON: Encodable {
    var original: String
    var normalized: String
    var from: Instant
    var elapses: [Instant]

    init(_ report: CalendarSpecReport) {
        original = report.original
        normalized = report.normalized
        from = report.from
        // Elapses are whole seconds unless the expression has fractional seconds; the JSON keeps whole seconds.
        elapses = report.elapses.map { Instant(seconds: $0 / 1_000_000) }
    }
}
